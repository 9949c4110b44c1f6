package dev.boomer.adapter.persistence.photo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boomer.domain.contract.PhotoStoreContract;
import dev.boomer.domain.photo.ContentHash;
import dev.boomer.domain.photo.NormalizedPhoto;
import dev.boomer.domain.photo.Photo;
import dev.boomer.domain.photo.PhotoStore;
import java.net.URI;
import java.util.Optional;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store against a real S3 server (S3Proxy in this JVM), over the S3 wire protocol. */
class S3PhotoStoreTest extends PhotoStoreContract {

    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";
    private static final String BUCKET = "boomer-photos";

    private static S3Proxy server;
    private static S3Client client;

    @BeforeAll
    static void startS3() throws Exception {
        BlobStoreContext blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        server = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        server.start(); // returns once Jetty listens
        client = S3PhotoStore.client(new S3Settings(Optional.of(URI.create("http://127.0.0.1:" + server.getPort())),
                BUCKET, "us-east-1", Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY), true));
        client.createBucket(request -> request.bucket(BUCKET));
    }

    @AfterAll
    static void stopS3() throws Exception {
        client.close();
        server.stop();
    }

    @Override
    protected PhotoStore createStore() {
        return new S3PhotoStore(client, BUCKET);
    }

    @Test
    void aPhotoIsOneObjectUnderItsHashWithItsMediaType() {
        byte[] bytes = "front of the camera".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var photo = new NormalizedPhoto(new Photo(ContentHash.of(bytes), "image/jpeg", 1600, 1200, bytes.length), bytes);
        createStore().put(photo);

        var head = client.headObject(request -> request.bucket(BUCKET)
                .key("photos/" + photo.photo().hash().hex().substring(0, 2) + "/" + photo.photo().hash().hex()));

        assertThat(head.contentType()).isEqualTo(photo.photo().mediaType());
        assertThat(head.contentLength()).isEqualTo(photo.bytes().length);
    }
}
