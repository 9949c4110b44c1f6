package dev.boomer.adapter.ai.vision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.boomer.domain.market.PriceEstimator;
import dev.boomer.domain.provider.ProviderRejected;
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
import dev.boomer.resilience.Headroom;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
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
 * fault is thrown, typed, for the job layer to retry once, at the wait the provider asked for. A fault
 * after the request went out (a timeout, a dropped connection) carries the input it sent, which the
 * provider may bill.
 */
public final class HttpVisionModel implements VisionModel, PriceEstimator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dialect dialect;
    private final ProviderSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final HeadroomListener headroom;

    public HttpVisionModel(Dialect dialect, ProviderSettings settings, Clock clock) {
        this(dialect, settings, clock, HeadroomListener.NONE);
    }

    /** @param headroom told, after every answer, what its rate-limit headers say is left */
    public HttpVisionModel(Dialect dialect, ProviderSettings settings, Clock clock, HeadroomListener headroom) {
        this.dialect = dialect;
        this.settings = settings;
        this.clock = clock;
        this.headroom = headroom;
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
        // the prompt without any answer, billed as the provider would (a cacheable prefix as a cache write)
        Usage sent = dialect.worstCase(model, images.stream().map(PreparedImage::size).toList(), itemText, 0);
        Reply reply = send(model, dialect.analysis(model, images, itemText, settings.maxOutputTokens()), sent);
        Usage usage = reply.usage();
        AnswerReader.Reading reading = reply instanceof Reply.Answer answer ? AnswerReader.read(answer.json()) : null;
        String repairFailed = null;
        if (reading instanceof AnswerReader.NotJson notJson && reply instanceof Reply.Answer broken) {
            try {
                Reply repaired = send(model, dialect.repair(model, broken.json(), notJson.error(), settings.maxOutputTokens()),
                        Usage.NONE);
                usage = usage.plus(repaired.usage());
                reply = repaired;
                reading = repaired instanceof Reply.Answer answer ? AnswerReader.read(answer.json()) : null;
            } catch (ProviderUnavailable | ProviderRejected e) {
                // The first answer was paid for: it is returned as unusable with its usage, never lost.
                repairFailed = e.getMessage();
            }
        }
        Usage counted = new Usage(usage.inputTokens(), usage.outputTokens(), usage.cacheWriteTokens(),
                usage.cacheReadTokens(), images.size());
        ModelCall call = new ModelCall(provider(), model, request.tier(), counted,
                Duration.ofNanos(System.nanoTime() - started));
        if (repairFailed != null) {
            return new UnusableAnswer(OutputProblem.INVALID_JSON, "not JSON, and the repair request failed: "
                    + repairFailed, call);
        }
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

    @Override
    public boolean offersEstimates() {
        return dialect.estimates();
    }

    @Override
    public String model() {
        return modelFor(Tier.FAST);
    }

    /** The estimate request's text and schema, counted generously, and at most its output limit back. */
    @Override
    public Usage worstCase(EstimateRequest request) {
        long input = TextTokens.estimate(EstimatePrompt.system() + "\n" + EstimatePrompt.text(request)
                + EstimatePrompt.schema());
        return new Usage(input, EstimatePrompt.MAX_OUTPUT_TOKENS, 0, 0, 0);
    }

    /** A text-only call of the FAST model; an answer it cannot read is paid for and said why. */
    @Override
    public EstimateAnswer estimate(EstimateRequest request) {
        String model = model();
        ProviderCall call = dialect.estimate(model, EstimatePrompt.system(), EstimatePrompt.text(request),
                EstimatePrompt.schema(), EstimatePrompt.MAX_OUTPUT_TOKENS)
                .orElseThrow(() -> new UnsupportedOperationException(provider() + " gives no price estimates yet"));
        long started = System.nanoTime();
        Reply reply = send(model, call, new Usage(worstCase(request).inputTokens(), 0, 0, 0, 0));
        ModelCall made = new ModelCall(provider(), model, Tier.FAST, reply.usage(),
                Duration.ofNanos(System.nanoTime() - started));
        return switch (reply) {
            case Reply.Problem problem -> EstimateAnswer.unusable(problem.problem().code() + ": " + problem.detail(),
                    made);
            case Reply.Answer answer -> {
                EstimatePrompt.Reading reading = EstimatePrompt.read(answer.json(), request.currency());
                yield reading.estimate() == null ? EstimateAnswer.unusable(reading.problem(), made)
                        : EstimateAnswer.of(reading.estimate(), made);
            }
        };
    }

    /**
     * @param sent what the request consumes before any answer (its input tokens): when it was sent and no
     *             answer came, the provider may have charged that much
     */
    private Reply send(String model, ProviderCall call, Usage sent) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                .timeout(settings.requestTimeout())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call.body().toString()));
        call.headers().forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ProviderUnavailable(provider(), "unreachable", settings.baseUrl() + " could not be reached: "
                    + describe(e), Optional.empty()); // nothing was sent, nothing can be owed
        } catch (HttpTimeoutException e) {
            throw ProviderUnavailable.afterSending(provider(), "timeout", "no answer within "
                    + settings.requestTimeout(), sent);
        } catch (IOException e) {
            throw ProviderUnavailable.afterSending(provider(), "connection_lost", "the connection to "
                    + settings.baseUrl() + " failed: " + describe(e), sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderUnavailable.afterSending(provider(), "interrupted", "the call was interrupted", sent);
        }
        List<Headroom> left = dialect.headroom(response.headers(), clock);
        if (!left.isEmpty()) {
            headroom.observed(model, left);
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

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
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
