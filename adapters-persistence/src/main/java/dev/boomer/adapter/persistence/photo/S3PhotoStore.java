package dev.boomer.adapter.persistence.photo;

import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.PhotoStore;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Photos in any S3-compatible store ({@code boomer.photos.store=s3}), one object per photo named by its
 * SHA-256: every instance reads what any instance stored, with no disk or database space shared.
 */
@Singleton
@Requires(property = PhotoStores.PROPERTY, value = "s3")
final class S3PhotoStore implements PhotoStore {

    private static final String PREFIX = "photos/";

    private final S3Client s3;
    private final String bucket;

    S3PhotoStore(S3Settings settings) {
        this(client(settings), settings.bucket());
    }

    S3PhotoStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    static S3Client client(S3Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey().isPresent() && settings.secretKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(),
                settings.secretKey().get()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: not every S3-compatible store knows the newer ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public void put(NormalizedPhoto photo) {
        ContentHash hash = PhotoStores.checkedHash(photo);
        if (contains(hash)) {
            return;
        }
        s3.putObject(request -> request.bucket(bucket).key(key(hash)).contentType(photo.photo().mediaType()),
                RequestBody.fromBytes(photo.bytes()));
    }

    @Override
    public Optional<byte[]> get(ContentHash hash) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key(hash))).asByteArray());
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    @Override
    public boolean contains(ContentHash hash) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key(hash)));
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @PreDestroy
    void close() {
        s3.close();
    }

    private static String key(ContentHash hash) {
        String hex = hash.hex();
        return PREFIX + hex.substring(0, 2) + "/" + hex;
    }
}
