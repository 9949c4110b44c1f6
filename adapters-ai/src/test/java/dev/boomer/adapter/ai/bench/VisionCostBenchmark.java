package dev.boomer.adapter.ai.bench;

import dev.boomer.adapter.ai.anthropic.AnthropicDialect;
import dev.boomer.adapter.ai.anthropic.AnthropicTokens;
import dev.boomer.adapter.ai.gemini.GeminiDialect;
import dev.boomer.adapter.ai.ollama.OllamaDialect;
import dev.boomer.adapter.ai.openai.OpenAiDialect;
import dev.boomer.adapter.ai.photo.PhotoNormalizers;
import dev.boomer.adapter.ai.vision.Dialect;
import dev.boomer.adapter.ai.vision.ImagePreparation;
import dev.boomer.adapter.ai.vision.ImageSize;
import dev.boomer.adapter.ai.vision.ProviderSettings;
import dev.boomer.adapter.ai.vision.VisionPrompt;
import dev.boomer.domain.cost.ModelPrice;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.photo.PhotoCheck;
import dev.boomer.domain.photo.RawPhoto;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.VisionImage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AI cost per item for each provider and tier, from the usage each provider would report for the sample
 * items (two photos each), priced with the price table the server ships. "Cold" pays the whole prompt;
 * "warm" reads the shared prefix from the provider's cache where the model caches a prefix that long.
 * The floor is that model's cheapest sensible call: 3 phone photos (4032 x 3024) at the provider's
 * recommended size, the system prompt, about 400 output tokens. See docs/benchmarks.md.
 */
@Tag("benchmark")
class VisionCostBenchmark {

    private static final Path SAMPLES = Path.of("..", "samples", "photos");
    private static final List<String> ITEMS = List.of("book", "camera", "console", "mug", "sneaker", "watch");
    private static final long OUTPUT_TOKENS = 400;

    private record Config(String provider, String model, Function<ProviderSettings, Dialect> dialect,
                          long minimumCachedPrefix) {
    }

    @Test
    void costPerItemNextToTheFloor() throws IOException {
        Map<String, ModelPrice> prices = shippedPrices();
        List<Config> configs = List.of(
                new Config("anthropic", "claude-haiku-4-5", AnthropicDialect::new,
                        AnthropicTokens.minimumCacheablePrefix("claude-haiku-4-5")),
                new Config("anthropic", "claude-sonnet-4-5", AnthropicDialect::new,
                        AnthropicTokens.minimumCacheablePrefix("claude-sonnet-4-5")),
                new Config("openai", "gpt-4.1-mini", OpenAiDialect::new, 1024),
                new Config("openai", "gpt-4.1", OpenAiDialect::new, 1024),
                new Config("gemini", "gemini-2.5-flash-lite", GeminiDialect::new, 1024),
                new Config("gemini", "gemini-2.5-flash", GeminiDialect::new, 1024),
                new Config("ollama", "qwen2.5vl:7b", OllamaDialect::new, Long.MAX_VALUE));
        List<List<VisionImage>> items = ITEMS.stream().map(VisionCostBenchmark::item).toList();
        long prefix = VisionPrompt.sharedPrefixTokens();

        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """

                ==== Boomer vision cost per item (%d sample items, 2 photos each; %d output tokens) ====
                | provider | model | input tokens | cold $/item | warm $/item | floor $/item | per 1,000 warm |
                |---|---|---:|---:|---:|---:|---:|
                """, items.size(), OUTPUT_TOKENS));
        for (Config config : configs) {
            ModelPrice price = prices.get(config.model());
            assertThat(price).as("shipped price of " + config.model()).isNotNull();
            Dialect dialect = config.dialect().apply(settings(config.provider()));
            long cached = config.provider().equals("anthropic")
                    ? (AnthropicTokens.cachesPrefix(config.model()) ? AnthropicTokens.cacheablePrefix() : 0)
                    : prefix >= config.minimumCachedPrefix() ? prefix / 128 * 128 : 0;
            BigDecimal cold = BigDecimal.ZERO;
            BigDecimal warm = BigDecimal.ZERO;
            long inputTokens = 0;
            for (List<VisionImage> item : items) {
                List<ImageSize> sizes = ImagePreparation.sizes(item, dialect.imageBudget(config.model()));
                String text = VisionPrompt.itemText(sizes.size(), Optional.empty());
                long input = dialect.expectedInputTokens(config.model(), sizes, text);
                inputTokens += input;
                cold = cold.add(price.costOf(new Usage(input, OUTPUT_TOKENS, 0, 0, sizes.size())).amount());
                warm = warm.add(price.costOf(new Usage(input - cached, OUTPUT_TOKENS, 0, cached, sizes.size())).amount());
            }
            int n = items.size();
            List<ImageSize> phone = ImagePreparation.sizes(List.of(phonePhoto(), phonePhoto(), phonePhoto()),
                    dialect.imageBudget(config.model()));
            long floorInput = dialect.expectedInputTokens(config.model(), phone,
                    VisionPrompt.itemText(3, Optional.empty()));
            BigDecimal floor = price.costOf(new Usage(floorInput - cached, OUTPUT_TOKENS, 0, cached, 3)).amount();
            BigDecimal warmEach = warm.divide(BigDecimal.valueOf(n), 8, RoundingMode.HALF_UP);
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | $%s |%n", config.provider(),
                    config.model(), inputTokens / n, usd(cold.divide(BigDecimal.valueOf(n), 8, RoundingMode.HALF_UP)),
                    usd(warmEach), usd(floor), warmEach.multiply(BigDecimal.valueOf(1000)).setScale(2,
                            RoundingMode.HALF_UP).toPlainString()));
        }
        out.append(String.format(Locale.ROOT, "shared prefix (system prompt + schema): ~%d tokens; Anthropic "
                + "prefix with the forced-tool prompt: ~%d tokens%n", prefix, AnthropicTokens.cacheablePrefix()));
        System.out.println(out);
    }

    private static String usd(BigDecimal amount) {
        return "$" + amount.setScale(5, RoundingMode.HALF_UP).toPlainString();
    }

    private static ProviderSettings settings(String provider) {
        return new ProviderSettings(provider, URI.create("http://127.0.0.1:1"), Optional.of("k"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, "m", "m");
    }

    private static VisionImage phonePhoto() {
        return new VisionImage(new Photo(dev.boomer.domain.photo.ContentHash.of(new byte[]{1}), "image/jpeg", 4032,
                3024, 1), new byte[0]);
    }

    private static List<VisionImage> item(String name) {
        return List.of(sample(name + ".jpg"), sample(name + "-2.jpg"));
    }

    private static VisionImage sample(String file) {
        try {
            PhotoCheck check = PhotoNormalizers.withDefaults()
                    .normalize(new RawPhoto(file, Optional.empty(), Files.readAllBytes(SAMPLES.resolve(file))));
            NormalizedPhoto photo = ((PhotoCheck.Accepted) check).photo();
            return new VisionImage(photo.photo(), photo.bytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The {@code boomer.prices} rows of the server's application.yml. */
    @SuppressWarnings("unchecked")
    private static Map<String, ModelPrice> shippedPrices() throws IOException {
        Path yml = Path.of("..", "web-console", "src", "main", "resources", "application.yml");
        try (InputStream in = Files.newInputStream(yml)) {
            Map<String, Object> root = new Yaml().load(in);
            List<Map<String, Object>> rows = (List<Map<String, Object>>) ((Map<String, Object>) root.get("boomer"))
                    .get("prices");
            Map<String, ModelPrice> prices = new HashMap<>();
            for (Map<String, Object> row : rows) {
                prices.put(String.valueOf(row.get("model")), ModelPrice.of(String.valueOf(row.get("input")),
                        String.valueOf(row.get("output")), String.valueOf(row.get("cache-write")),
                        String.valueOf(row.get("cache-read"))));
            }
            return prices;
        }
    }
}
