package dev.boomer.domain.listing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListingComposerTest {

    @Test
    void aLongTitleIsCutAtAWordBoundaryWithinEightyCharacters() {
        String title = "Canon AE-1 Program 35mm Film SLR Camera Body with FD 50mm f/1.8 Lens Strap and Original Box";
        String fitted = ListingComposer.fitTitle(title);
        assertThat(fitted).hasSizeLessThanOrEqualTo(80).doesNotEndWith(" ");
        assertThat(title).startsWith(fitted);
        assertThat(title.charAt(fitted.length())).isEqualTo(' ');
    }

    @Test
    void aShortTitleKeepsItsWordsWithWhitespaceFolded() {
        assertThat(ListingComposer.fitTitle("  Nike   Air Max 90 ")).isEqualTo("Nike Air Max 90");
    }

    @Test
    void sentencesInWhichTheModelDeclinesAreLeftOutOfTheDescription() {
        assertThat(ListingComposer.withoutRefusals("Clean viewfinder. I'm sorry, I cannot test the meter. Strap included."))
                .isEqualTo("Clean viewfinder. Strap included.");
    }

    @Test
    void aTitleThatIsARefusalBecomesBrandAndModel() {
        var analysis = new dev.boomer.domain.vision.VisionAnalysis("Nikon", "F3", "Film Cameras",
                dev.boomer.domain.item.Condition.USED_GOOD, "I'm sorry, I can't help with that", "A camera.", "nikon f3",
                java.util.Optional.empty(), java.util.Map.of(), 0.9);

        assertThat(ListingComposer.titleOf(analysis)).isEqualTo("Nikon F3");
    }
}
