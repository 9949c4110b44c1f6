package dev.boomer.console.upload;

import dev.boomer.domain.photo.RawPhoto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the upload form: every {@code photos} file, {@code priority} and {@code sku}. A browser sends
 * an empty, nameless file part when no file was chosen; it is dropped here so that the answer is "no photos".
 */
record UploadParts(List<RawPhoto> photos, @Nullable String priority, @Nullable String sku) {

    static UploadParts of(List<CompletedPart> parts) {
        List<RawPhoto> photos = new ArrayList<>();
        String priority = null;
        String sku = null;
        for (CompletedPart part : parts) {
            switch (part) {
                case CompletedFileUpload file when "photos".equals(file.getName()) -> {
                    byte[] bytes = bytes(file);
                    if (bytes.length > 0 || !file.getFilename().isBlank()) {
                        photos.add(new RawPhoto(file.getFilename(),
                                file.getContentType().map(MediaType::toString), bytes));
                    }
                }
                case CompletedFileUpload ignored -> {
                    // a file under another name is not a photo of this item
                }
                case CompletedPart field when "priority".equals(field.getName()) -> priority = text(field);
                case CompletedPart field when "sku".equals(field.getName()) -> sku = text(field);
                default -> {
                    // csrfToken and anything else
                }
            }
        }
        return new UploadParts(photos, priority, sku);
    }

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read uploaded part " + file.getFilename(), e);
        }
    }

    private static String text(CompletedPart field) {
        try {
            return new String(field.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read form field " + field.getName(), e);
        }
    }
}
