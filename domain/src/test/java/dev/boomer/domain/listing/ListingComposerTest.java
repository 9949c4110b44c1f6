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
}
