package dev.boomer.adapter.persistence.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.adapter.persistence.jdbc.SqlExecutor;
import dev.boomer.domain.contract.PhotoStoreContract;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.photo.PhotoStore;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresPhotoStoreTest extends PhotoStoreContract {

    @Override
    protected PhotoStore createStore() {
        return new PostgresPhotoStore(TestDatabase.context().getBean(SqlExecutor.class));
    }

    @Test
    void bytesThatDoNotMatchTheirHashAreRefused() {
        Photo claimed = new Photo(ContentHash.of("one".getBytes(StandardCharsets.UTF_8)), "image/jpeg", 1, 1, 3);

        assertThatThrownBy(() -> createStore().put(new NormalizedPhoto(claimed, "two".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(createStore().contains(claimed.hash())).isFalse();
    }

    @Test
    void theStoreIsChosenByConfiguration() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.datasourceProperties(TestDatabase.database()));
        properties.put("boomer.photos.store", "postgres");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(PhotoStore.class)).isInstanceOf(PostgresPhotoStore.class);
        }
        properties.remove("boomer.photos.store");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(PhotoStore.class)).isInstanceOf(FileSystemPhotoStore.class);
        }
    }
}
