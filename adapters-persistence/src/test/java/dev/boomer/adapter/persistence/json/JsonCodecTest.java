package dev.boomer.adapter.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.domain.item.ItemId;
import dev.boomer.domain.item.Condition;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.vision.Usage;
import dev.boomer.domain.vision.ModelCall;
import dev.boomer.domain.vision.Tier;
import dev.boomer.domain.vision.VisionAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec json = new JsonCodec();

    record Snapshot(Money price, Optional<String> gtin, Optional<String> none, ZoneId zone, Instant at,
                    Duration latency, ItemId item) {
    }

    @Test
    void moneyKeepsEveryDecimalAndItsCurrency() {
        Money tiny = Money.usd("0.0000001234567891");
        Money euros = Money.of("1234567890.10", "EUR");

        assertThat(json.read(json.write(tiny), Money.class)).isEqualTo(tiny);
        assertThat(json.read(json.write(euros), Money.class)).isEqualTo(euros);
        assertThat(json.write(tiny)).isEqualTo("{\"amount\":0.0000001234567891,\"currency\":\"USD\"}");
    }

    @Test
    void optionalsTimesZonesAndIdsRoundTrip() {
        Snapshot snapshot = new Snapshot(Money.usd("12.5"), Optional.of("0018208012345"), Optional.empty(),
                ZoneId.of("America/New_York"), Instant.parse("2025-03-01T10:00:00.123456789Z"),
                Duration.ofMillis(2345), ItemId.random());

        assertThat(json.read(json.write(snapshot), Snapshot.class)).isEqualTo(snapshot);
    }

    @Test
    void domainRecordsRoundTripWithoutTheirHelperMethodsBecomingProperties() {
        VisionAnalysis analysis = new VisionAnalysis("Nikon", "F3", "Film Cameras", Condition.LIKE_NEW, "Nikon F3",
                "Works.", "nikon f3", Optional.empty(), Map.of("Brand", "Nikon"), 0.5);
        ModelCall call = new ModelCall("openai", "gpt-4o-mini", Tier.SMART, new Usage(1, 2, 3, 4, 5),
                Duration.ofSeconds(3));
        List<Photo> photos = List.of(new Photo(ContentHash.of(new byte[] {1}), "image/jpeg", 1600, 1200, 4096));

        assertThat(json.read(json.write(analysis), VisionAnalysis.class)).isEqualTo(analysis);
        assertThat(json.read(json.write(call), ModelCall.class)).isEqualTo(call);
        assertThat(json.<List<Photo>>read(json.write(photos), json.listOf(Photo.class))).isEqualTo(photos);
        assertThat(json.write(Money.usd("1"))).doesNotContain("positive", "negative");
    }
}
