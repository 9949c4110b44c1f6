package dev.boomer.api;

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

/** The parts of an item upload: every {@code photos} part, and the {@code priority} and {@code sku} fields. */
record MultipartItem(List<RawPhoto> photos, @Nullable String priority, @Nullable String sku) {

    static final String PHOTOS = "photos";

    static MultipartItem of(List<CompletedPart> parts) {
        List<RawPhoto> photos = new ArrayList<>();
        String priority = null;
        String sku = null;
        for (CompletedPart part : parts) {
            switch (part) {
                case CompletedFileUpload file when PHOTOS.equals(file.getName()) -> photos.add(new RawPhoto(
                        file.getFilename(), file.getContentType().map(MediaType::toString), bytes(file)));
                case CompletedFileUpload file -> {
                    // a file under another name is not a photo of this item
                }
                case CompletedPart field when "priority".equals(field.getName()) -> priority = value(field);
                case CompletedPart field when "sku".equals(field.getName()) -> sku = value(field);
                default -> {
                    // other parts are ignored
                }
            }
        }
        return new MultipartItem(photos, priority, sku);
    }

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read uploaded part " + file.getFilename(), e);
        }
    }

    private static String value(CompletedPart field) {
        try {
            return new String(field.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read form field " + field.getName(), e);
        }
    }
}
