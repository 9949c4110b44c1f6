package dev.boomer.adapter.market.simulated;

import dev.boomer.domain.contract.TaxonomyContract;
import dev.boomer.domain.taxonomy.Aspect;
import dev.boomer.domain.taxonomy.Taxonomy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedTaxonomyTest extends TaxonomyContract {

    private final SimulatedTaxonomy taxonomy = new SimulatedTaxonomy();

    @Override
    protected Taxonomy taxonomy() {
        return taxonomy;
    }

    @Override
    protected String wordsWithACategory() {
        return "Canon AE-1 Program 35mm Film SLR Camera Body";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Canon AE-1 Program 35mm Film SLR Camera Body | 15230",
            "Nike Air Max 90 Men's Running Sneakers | 15709",
            "Nineteen Eighty-Four by George Orwell, Penguin Paperback Book | 261186",
            "Le Creuset Stoneware Coffee Mug 350 ml | 20695",
            "Nintendo Game Boy Color Handheld Console | 139971",
            "Seiko 5 SNK809 Automatic Men's Watch | 31387",
            "Canvas Camera Bag | 169291"})
    void eachKindOfItemHasItsLeaf(String title, String id) {
        assertThat(taxonomy.suggest(title)).hasValueSatisfying(category -> assertThat(category.id()).isEqualTo(id));
    }

    @Test
    void wordsOfNoKnownKindHaveNoCategory() {
        assertThat(taxonomy.suggest("Unobtainium ingot")).isEmpty();
    }

    @Test
    void departmentsTakeOnlyEbaysValues() {
        Aspect department = taxonomy.aspects("31387").named("Department").orElseThrow();

        assertThat(department.closed()).isTrue();
        assertThat(department.allowedSpelling("men")).contains("Men");
        assertThat(department.allowedSpelling("Mens")).isEmpty();
    }
}
