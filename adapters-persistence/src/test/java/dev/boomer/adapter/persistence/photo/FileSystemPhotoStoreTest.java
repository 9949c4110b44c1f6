package dev.boomer.adapter.persistence.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boomer.adapter.persistence.TestDatabase;
import dev.boomer.domain.contract.PhotoStoreContract;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.photo.PhotoStore;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemPhotoStoreTest extends PhotoStoreContract {

    @TempDir
    Path directory;

    private FileSystemPhotoStore store;

    @Override
    protected PhotoStore createStore() {
        store = new FileSystemPhotoStore(directory);
        return store;
    }

    @Test
    void aPhotoIsOneFileShardedByTheFirstFourHexDigitsOfItsHash() throws IOException {
        NormalizedPhoto photo = photo("front");
        String hex = photo.photo().hash().hex();

        createStore().put(photo);
        createStore().put(photo("front"));

        assertThat(files()).containsExactly(
                directory.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex + ".jpg"));
    }

    @Test
    void bytesThatDoNotMatchTheirHashAreRefused() {
        byte[] bytes = "front".getBytes(StandardCharsets.UTF_8);
        Photo wrong = new Photo(ContentHash.of("back".getBytes(StandardCharsets.UTF_8)), "image/jpeg", 10, 10,
                bytes.length);

        assertThatThrownBy(() -> createStore().put(new NormalizedPhoto(wrong, bytes)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(createStore().contains(wrong.hash())).isFalse();
    }

    @Test
    void photosLiveUnderTheDataDirectoryUnlessTheirOwnDirectoryIsSet() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("boomer.data-dir", directory.toString()))) {
            assertThat(context.getBean(FileSystemPhotoStore.class).root()).isEqualTo(directory.resolve("photos"));
        }
        Path own = directory.resolve("elsewhere");
        try (ApplicationContext context = ApplicationContext.run(Map.of("boomer.photos.dir", own.toString()))) {
            assertThat(context.getBean(FileSystemPhotoStore.class).root()).isEqualTo(own);
        }
    }

    @Test
    void theApplicationsPhotoStoreIsTheFileSystemOne() {
        assertThat(TestDatabase.context().getBean(PhotoStore.class)).isInstanceOf(FileSystemPhotoStore.class);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    private static NormalizedPhoto photo(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new NormalizedPhoto(new Photo(ContentHash.of(bytes), "image/jpeg", 10, 10, bytes.length), bytes);
    }
}
