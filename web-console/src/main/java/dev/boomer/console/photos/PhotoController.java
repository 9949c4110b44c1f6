package dev.boomer.console.photos;

import dev.boomer.application.items.ViewPhotos;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.security.Principals;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.Optional;

/**
 * Photos for the console's pages (signed in by session) and for signed links (no sign-in). A photo one
 * may not see answers exactly as one that does not exist.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class PhotoController {

    private final ViewPhotos viewPhotos;
    private final PhotoLinks links;

    PhotoController(ViewPhotos viewPhotos, PhotoLinks links) {
        this.viewPhotos = viewPhotos;
        this.links = links;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get(value = "/photos/{hash}", produces = MediaType.IMAGE_JPEG)
    HttpResponse<?> photo(Authentication authentication, @PathVariable String hash) {
        return parse(hash).flatMap(photo -> viewPhotos.photo(Principals.viewer(authentication), photo))
                .map(bytes -> PhotoResponses.jpeg(bytes, "private, max-age=86400"))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(value = PhotoLinks.PATH + "{file}", produces = MediaType.IMAGE_JPEG)
    HttpResponse<?> linkedPhoto(@PathVariable String file, @Nullable @QueryValue Long expires,
                                @Nullable @QueryValue String signature) {
        Optional<ContentHash> photo = parse(file.endsWith(".jpg") ? file.substring(0, file.length() - 4) : file);
        if (photo.isEmpty() || expires == null || !links.isValid(photo.get(), expires, signature)) {
            return HttpResponse.status(HttpStatus.NOT_FOUND);
        }
        return viewPhotos.linkedPhoto(photo.get()).map(bytes -> PhotoResponses.jpeg(bytes, "public, max-age=3600"))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND));
    }

    private static Optional<ContentHash> parse(String hash) {
        return ContentHash.isValid(hash) ? Optional.of(new ContentHash(hash)) : Optional.empty();
    }
}
