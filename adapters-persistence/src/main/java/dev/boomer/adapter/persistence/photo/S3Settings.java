package dev.boomer.adapter.persistence.photo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.Optional;

/**
 * {@code boomer.photos.s3.*} ({@code BOOMER_PHOTOS_S3_*}): the S3-compatible store photos go to with
 * {@code boomer.photos.store=s3}.
 *
 * @param endpoint  the store's URL; empty for AWS itself
 * @param accessKey with {@code secretKey}; both empty: the AWS default credentials (environment, profile, role)
 * @param pathStyle {@code https://host/bucket/key} instead of {@code https://bucket.host/key} (MinIO and most
 *                  self-hosted stores)
 */
@ConfigurationProperties("boomer.photos.s3")
record S3Settings(
        Optional<URI> endpoint,
        @NotBlank String bucket,
        @Bindable(defaultValue = "us-east-1") @NotBlank String region,
        Optional<String> accessKey,
        Optional<String> secretKey,
        @Bindable(defaultValue = "false") boolean pathStyle) {
}
