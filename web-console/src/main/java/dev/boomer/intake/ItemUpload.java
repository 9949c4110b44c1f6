package dev.boomer.intake;

import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.RawPhoto;
import io.micronaut.http.MediaType;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of an item upload, from the API or the console form: every {@code photos} file, and the
 * {@code priority} and {@code sku} fields as sent (stripped; empty when absent). Micronaut binds one part per
 * name, so controllers collect all parts and hand them here.
 *
 * @param priorityText the priority as sent, for error messages; see {@link #priority()}
 */
public record ItemUpload(List<RawPhoto> photos, String priorityText, String skuText) {

    public static final String PHOTOS = "photos";

    public ItemUpload {
        photos = List.copyOf(photos);
    }

    /**
     * A browser sends an empty, nameless file part when no file was chosen; it is dropped, so the answer is
     * "no photos" rather than "empty file".
     */
    public static ItemUpload of(List<CompletedPart> parts) {
        List<RawPhoto> photos = new ArrayList<>();
        String priority = "";
        String sku = "";
        for (CompletedPart part : parts) {
            switch (part) {
                case CompletedFileUpload file when PHOTOS.equals(file.getName()) -> {
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
        return new ItemUpload(photos, priority, sku);
    }

    /** NORMAL when none was sent; empty when what was sent is not a priority. */
    public Optional<Priority> priority() {
        if (priorityText.isEmpty()) {
            return Optional.of(Priority.NORMAL);
        }
        try {
            return Optional.of(Priority.valueOf(priorityText.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<String> sku() {
        return skuText.isEmpty() ? Optional.empty() : Optional.of(skuText);
    }

    public boolean skuTooLong() {
        return skuText.length() > Item.MAX_SKU_LENGTH;
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
            return new String(field.getBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read form field " + field.getName(), e);
        }
    }
}
