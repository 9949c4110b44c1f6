package dev.boomer.domain.vision;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What local pre-analysis found in an item's photos.
 *
 * @param gtin       a GTIN decoded from a barcode on one of the photos
 * @param problems   photos too blurry or too dark to use
 * @param duplicates numbers (1-based) of photos that are near-duplicates of an earlier photo of the item
 */
public record PhotoFindings(Optional<String> gtin, List<PhotoProblem> problems, Set<Integer> duplicates) {

    public static final PhotoFindings NOTHING = new PhotoFindings(Optional.empty(), List.of(), Set.of());

    public PhotoFindings {
        Objects.requireNonNull(gtin, "gtin");
        problems = List.copyOf(problems);
        duplicates = Set.copyOf(duplicates);
    }

    /** The photos worth sending: neither unusable nor a repeat of one already sent. */
    public List<VisionImage> worthSending(List<VisionImage> images) {
        Set<Integer> left = problems.stream().map(PhotoProblem::photoNumber).collect(Collectors.toSet());
        return IntStream.range(0, images.size())
                .filter(i -> !left.contains(i + 1) && !duplicates.contains(i + 1))
                .mapToObj(images::get)
                .toList();
    }

    /** "retake photo 2: blurry; retake photo 3: too dark", or empty when every photo is fine. */
    public Optional<String> retakeAdvice() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(problems.stream()
                .map(p -> "retake photo " + p.photoNumber() + ": " + p.kind().label())
                .collect(Collectors.joining("; ")));
    }
}
