package dev.boomer.console;

import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.audit.AuditAction;
import dev.boomer.domain.audit.AuditEntry;
import dev.boomer.domain.audit.AuditLog;
import dev.boomer.domain.item.Item;
import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.ItemStatus;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.jobs.ProcessItemJob;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueuePageTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CreateUser createUser;

    @Inject
    StorageProvider storage;

    @Inject
    AuditLog auditLog;

    @Inject
    ItemRepository items;

    private ConsoleClient operator;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ConsoleTestApp.properties());
        // no background server: jobs stay in the state a test puts them in
        properties.put("boomer.jobs.server-enabled", "false");
        properties.put("boomer.jobs.instant-start", "false");
        return properties;
    }

    @BeforeAll
    void signIn() {
        User user = ConsoleTestApp.user(createUser, Role.OPERATOR);
        operator = new ConsoleClient(http);
        operator.login(user.username(), ConsoleTestApp.PASSWORD);
    }

    @Test
    void queuePageShowsJobCountsItemCountsAndFailedJobsWithTheirError() {
        Job failed = failedJob("vision provider answered 500 three times");

        HttpResponse<String> page = operator.get("/queue");

        assertThat(page.code()).isEqualTo(200);
        assertThat(page.body()).contains("<nav class=\"nav\"", "id=\"queue-counts\"", "hx-trigger=\"every 5s",
                "Enqueued", "Succeeded", "Needs review", "id=\"failed-jobs\"", failed.getId().toString(),
                "vision provider answered 500 three times", "IllegalStateException",
                "/queue/jobs/" + failed.getId() + "/requeue", "name=\"csrfToken\"");
    }

    @Test
    void fragmentsAreJustTheCountsOrJustTheFailedJobs() {
        failedJob("broken");

        String counts = operator.getFragment("/queue").body().strip();
        String failedJobs = operator.getFragment("/queue?fragment=failed-jobs").body().strip();

        assertThat(counts).startsWith("<div id=\"queue-counts\"").doesNotContain("<html", "failed-jobs\"");
        assertThat(failedJobs).startsWith("<div id=\"failed-jobs\"").contains("broken").doesNotContain("<html");
    }

    @Test
    void requeueWithHtmxAnswersWithAnEventAndPutsTheJobBack() {
        Job failed = failedJob("timeout");

        HttpResponse<String> answer = operator.send(io.micronaut.http.HttpRequest
                .POST("/queue/jobs/" + failed.getId() + "/requeue", Map.of("csrfToken", operator.csrfToken()))
                .contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("HX-Request", "true"));

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.header("HX-Trigger")).isEqualTo("queueChanged");
        assertThat(storage.getJobById(failed.getId()).getState()).isEqualTo(StateName.ENQUEUED);
        assertThat(operator.get("/queue").body()).doesNotContain("data-job-id=\"" + failed.getId() + "\"");
    }

    @Test
    void requeueWithoutJavascriptRedirectsBackToTheQueue() {
        Job failed = failedJob("timeout");

        HttpResponse<String> answer = operator.postForm("/queue/jobs/" + failed.getId() + "/requeue",
                Map.of("csrfToken", operator.csrfToken()));

        assertThat(answer.code()).isEqualTo(303);
        assertThat(answer.header("Location")).isEqualTo("/queue");
        assertThat(storage.getJobById(failed.getId()).getState()).isEqualTo(StateName.ENQUEUED);
        assertThat(auditLog.recent(20)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.JOB_REQUEUED);
            assertThat(entry.subject()).isEqualTo(AuditEntry.job(failed.getId()));
            assertThat(entry.before()).containsEntry("state", "FAILED");
            assertThat(entry.after()).containsEntry("state", "ENQUEUED");
            assertThat(entry.actor()).isPresent();
        });
    }

    @Test
    void itemsWaitingOrFailedAreListedAndChosenOnesAreRequeuedTogether() {
        Item first = failedItem("gave_up: provider_unavailable: simulated: 529 overloaded");
        Item second = failedItem("provider_rejected: 400 bad image");
        Item untouched = failedItem("provider_rejected: 401");
        Item waiting = items.claim(receivedItem().id(), "w#1", Instant.now(), Duration.ofMinutes(2)).orElseThrow()
                .waitingUntil(Instant.now().plus(Duration.ofMinutes(5)), "provider_unavailable: 429", false, Instant.now());
        items.update(waiting);

        String page = operator.get("/queue").body();

        assertThat(page).contains("id=\"waiting-items\"", "data-item-id=\"" + waiting.id() + "\"",
                "provider_unavailable: 429", "id=\"failed-items\"", "gave_up: provider_unavailable",
                "name=\"item-" + first.id() + "\"");
        HttpResponse<String> answer = operator.send(HttpRequest.POST("/queue/items/requeue",
                        "csrfToken=" + operator.csrfToken() + "&item-" + first.id() + "=on&item-" + second.id()
                                + "=on&item-" + waiting.id() + "=on&item-not-an-id=on")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));

        assertThat(answer.code()).isEqualTo(303);
        for (Item requeued : List.of(first, second)) {
            assertThat(items.findById(requeued.id()).orElseThrow()).satisfies(item -> {
                assertThat(item.status()).isEqualTo(ItemStatus.RECEIVED);
                assertThat(item.attempt()).isEqualTo(2);
            });
        }
        assertThat(items.findById(untouched.id()).orElseThrow().status()).isEqualTo(ItemStatus.FAILED);
        assertThat(items.findById(waiting.id()).orElseThrow()).as("waiting: left to its wait").satisfies(item -> {
            assertThat(item.attempt()).isEqualTo(1);
            assertThat(item.nextAttemptAt()).isPresent();
        });
        assertThat(auditLog.recent(20)).filteredOn(entry -> entry.action() == AuditAction.ITEM_REQUEUED)
                .extracting(AuditEntry::subject).contains(AuditEntry.item(first.id()), AuditEntry.item(second.id()));
    }

    @Test
    void retryNowCutsBoomersOwnBackoffShortButNeverAProvidersWait() {
        Item backingOff = waitingItem(true);
        Item providers = waitingItem(false);

        String page = operator.get("/queue").body();
        assertThat(page).contains("action=\"/queue/items/" + backingOff.id() + "/retry-now\"", ">provider's wait</span>")
                .doesNotContain("action=\"/queue/items/" + providers.id() + "/retry-now\"");

        for (Item item : List.of(backingOff, providers)) {
            assertThat(operator.postForm("/queue/items/" + item.id() + "/retry-now",
                    Map.of("csrfToken", operator.csrfToken())).code()).isEqualTo(303);
        }

        assertThat(items.findById(backingOff.id()).orElseThrow()).satisfies(item -> {
            assertThat(item.attempt()).isEqualTo(1);
            assertThat(item.retries()).isEqualTo(1);
            assertThat(item.isDue(Instant.now()) || item.status() != ItemStatus.RECEIVED).as("due, or run already")
                    .isTrue();
        });
        assertThat(items.findById(providers.id())).as("the provider's wait stands").contains(providers);
        assertThat(auditLog.recent(20)).filteredOn(entry -> entry.action() == AuditAction.ITEM_RETRIED_NOW)
                .extracting(AuditEntry::subject).contains(AuditEntry.item(backingOff.id()))
                .doesNotContain(AuditEntry.item(providers.id()));
        assertThat(operator.postForm("/queue/items/" + backingOff.id() + "/retry-now", Map.of()).code())
                .as("no CSRF token").isEqualTo(403);
    }

    /** Waiting five minutes: after a fault (Boomer's backoff) or because its provider asked. */
    private Item waitingItem(boolean fault) {
        Item waiting = items.claim(receivedItem().id(), "w#1", Instant.now(), Duration.ofMinutes(2)).orElseThrow()
                .waitingUntil(Instant.now().plus(Duration.ofMinutes(5)), "provider_unavailable: busy", fault,
                        Instant.now());
        items.update(waiting);
        return items.findById(waiting.id()).orElseThrow();
    }

    private Item receivedItem() {
        User owner = ConsoleTestApp.user(createUser, Role.SELLER);
        byte[] bytes = UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Item item = Item.received(ItemId.random(), owner.id(), Priority.NORMAL, Optional.empty(),
                List.of(new Photo(ContentHash.of(bytes), "image/jpeg", 10, 10, bytes.length)), Instant.now());
        items.insert(item);
        return item;
    }

    private Item failedItem(String reason) {
        Item claimed = items.claim(receivedItem().id(), "w#1", Instant.now(), Duration.ofMinutes(2)).orElseThrow();
        Item failed = claimed.failed(reason, Instant.now());
        items.update(failed);
        return failed;
    }

    @Test
    void requeueOfAnUnknownJobIsNotFound() {
        HttpResponse<String> answer = operator.postForm("/queue/jobs/" + UUID.randomUUID() + "/requeue",
                Map.of("csrfToken", operator.csrfToken()));

        assertThat(answer.code()).isEqualTo(404);
        assertThat(answer.body()).contains("Not found");
    }

    private Job failedJob(String message) {
        UUID item = UUID.randomUUID();
        Job job = new Job(UUID.randomUUID(), new JobDetails(new ProcessItemJob(item)),
                new FailedState(message, new IllegalStateException(message)));
        return storage.save(job);
    }
}
