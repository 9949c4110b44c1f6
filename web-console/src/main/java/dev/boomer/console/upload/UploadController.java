package dev.boomer.console.upload;

import dev.boomer.application.intake.SubmitItem;
import dev.boomer.application.intake.SubmitItemCommand;
import dev.boomer.application.intake.SubmitResult;
import dev.boomer.console.layout.Htmx;
import dev.boomer.intake.ItemUpload;
import dev.boomer.intake.RejectionStatus;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.PhotoRejection;
import dev.boomer.security.Principals;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Upload photos of one item from the browser. The same intake as the API: on success the browser goes to
 * the new item's page (303), on refusal the form comes back with the reason and the API's status code.
 */
@Controller("/upload")
@Secured({"ADMIN", "OPERATOR", "SELLER"}) // a VIEWER reads only
class UploadController {

    static final String EVENT = "itemSubmitted";

    private final SubmitItem submitItem;
    private final ExecutorService blocking;

    UploadController(SubmitItem submitItem, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.submitItem = submitItem;
        this.blocking = blocking;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> form() {
        return page(HttpStatus.OK, UploadForm.empty());
    }

    /**
     * Micronaut binds one part per name, so the parts are collected first (several {@code photos}), then
     * submitted on a blocking thread: intake normalizes images and writes to the database.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    Mono<HttpResponse<?>> upload(HttpRequest<?> request, Authentication authentication, @Body MultipartBody body) {
        return Flux.from(body).collectList()
                .publishOn(Schedulers.fromExecutorService(blocking))
                .map(parts -> submit(request, authentication, ItemUpload.of(parts)));
    }

    private HttpResponse<?> submit(HttpRequest<?> request, Authentication authentication, ItemUpload upload) {
        String sku = upload.skuText();
        Optional<Priority> priority = upload.priority();
        if (priority.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, UploadForm.refused(Priority.NORMAL.name(), sku, "invalid_priority",
                    "Priority must be URGENT, NORMAL or ECONOMY."));
        }
        if (upload.skuTooLong()) {
            return page(HttpStatus.BAD_REQUEST, UploadForm.refused(priority.get().name(), sku, "invalid_sku",
                    "The SKU may have at most " + Item.MAX_SKU_LENGTH + " characters."));
        }
        SubmitItemCommand command = new SubmitItemCommand(Principals.userId(authentication), upload.photos(),
                priority.get(), upload.sku());
        return switch (submitItem.submit(command)) {
            case SubmitResult.Accepted(Item item) -> accepted(request, "/items/" + item.id());
            case SubmitResult.Rejected(PhotoRejection rejection) -> page(RejectionStatus.of(rejection.reason()),
                    UploadForm.refused(priority.get().name(), sku, rejection.reason().code(), describe(rejection)));
        };
    }

    private static HttpResponse<?> accepted(HttpRequest<?> request, String itemUrl) {
        if (Htmx.isRequest(request)) {
            return HttpResponse.ok().header(Htmx.REDIRECT, itemUrl).header(Htmx.TRIGGER, EVENT);
        }
        return HttpResponse.seeOther(URI.create(itemUrl));
    }

    private static HttpResponse<?> page(HttpStatus status, UploadForm form) {
        return HttpResponse.status(status).body(new ModelAndView<>("upload/upload",
                Map.of("nav", "upload", "upload", form)));
    }

    private static String describe(PhotoRejection rejection) {
        String message = rejection.message();
        String sentence = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return rejection.photo().isEmpty() ? sentence + "." : rejection.photo() + ": " + message + ".";
    }
}
