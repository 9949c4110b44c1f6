package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.boomer.domain.provider.ProviderUnavailable;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.OutputProblem;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.UnusableAnswer;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionModel;
import dev.boomer.domain.vision.VisionRequest;
import dev.boomer.domain.vision.VisionResponse;
import dev.boomer.domain.vision.VisionResult;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A vision provider reached over HTTP. One request per item; an answer that is not JSON gets exactly one
 * text-only repair request; every answer is validated by {@link AnswerReader}. Nothing here retries: a
 * fault is thrown, typed, for the job layer to retry once, at the wait the provider asked for.
 */
public final class HttpVisionModel implements VisionModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dialect dialect;
    private final ProviderSettings settings;
    private final HttpClient http;
    private final Clock clock;

    public HttpVisionModel(Dialect dialect, ProviderSettings settings, Clock clock) {
        this.dialect = dialect;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String provider() {
        return dialect.provider();
    }

    @Override
    public String modelFor(Tier tier) {
        return settings.modelFor(tier);
    }

    public ProviderSettings settings() {
        return settings;
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.of(settings.baseUrl());
    }

    /**
     * The request's worst case plus that of the one repair it may need: a reservation must cover every call
     * {@link #analyze} can make, or a budget could be overspent by the repair.
     */
    @Override
    public Usage worstCase(VisionRequest request) {
        String model = modelFor(request.tier());
        List<ImageSize> images = ImagePreparation.sizes(request.images(), dialect.imageBudget(model));
        int maxOutput = settings.maxOutputTokens();
        Usage analysis = dialect.worstCase(model, images, VisionPrompt.itemText(images.size(), request.gtinHint()),
                maxOutput);
        Usage repair = dialect.worstCase(model, List.of(), VisionPrompt.repairText("", ""), maxOutput);
        // the broken answer travels back in the repair request: at most max-output tokens of it
        return new Usage(analysis.inputTokens() + repair.inputTokens() + maxOutput,
                analysis.outputTokens() + repair.outputTokens(), analysis.cacheWriteTokens(), 0, images.size());
    }

    @Override
    public VisionResult analyze(VisionRequest request) {
        String model = modelFor(request.tier());
        List<PreparedImage> images = ImagePreparation.prepare(request.images(), dialect.imageBudget(model));
        long started = System.nanoTime();
        String itemText = VisionPrompt.itemText(images.size(), request.gtinHint());
        Reply reply = send(dialect.analysis(model, images, itemText, settings.maxOutputTokens()));
        Usage usage = reply.usage();
        AnswerReader.Reading reading = reply instanceof Reply.Answer answer ? AnswerReader.read(answer.json()) : null;
        if (reading instanceof AnswerReader.NotJson notJson && reply instanceof Reply.Answer broken) {
            reply = send(dialect.repair(model, broken.json(), notJson.error(), settings.maxOutputTokens()));
            usage = usage.plus(reply.usage());
            reading = reply instanceof Reply.Answer answer ? AnswerReader.read(answer.json()) : null;
        }
        Usage counted = new Usage(usage.inputTokens(), usage.outputTokens(), usage.cacheWriteTokens(),
                usage.cacheReadTokens(), images.size());
        ModelCall call = new ModelCall(provider(), model, request.tier(), counted,
                Duration.ofNanos(System.nanoTime() - started));
        return switch (reply) {
            case Reply.Problem problem -> new UnusableAnswer(problem.problem(), problem.detail(), call);
            case Reply.Answer ignored -> switch (reading) {
                case AnswerReader.Valid valid -> new VisionResponse(valid.analysis(), call);
                case AnswerReader.NotJson notJson -> new UnusableAnswer(OutputProblem.INVALID_JSON,
                        "still not JSON after one repair: " + notJson.error(), call);
                case AnswerReader.Invalid invalid -> new UnusableAnswer(invalid.problem(), invalid.detail(), call);
            };
        };
    }

    private Reply send(ProviderCall call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                .timeout(settings.requestTimeout())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call.body().toString()));
        call.headers().forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderUnavailable(provider(), "timeout", "no answer within " + settings.requestTimeout(),
                    Optional.empty());
        } catch (IOException e) {
            throw new ProviderUnavailable(provider(), "unreachable", settings.baseUrl() + " could not be reached: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable(provider(), "interrupted", "the call was interrupted", Optional.empty());
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw HttpFailures.of(provider(), response.statusCode(), response.headers(), body, clock);
        }
        if (body.isMissingNode()) {
            throw new ProviderUnavailable(provider(), "bad_response", "a " + response.statusCode()
                    + " answer whose body is not JSON", Optional.empty());
        }
        return dialect.read(body);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
