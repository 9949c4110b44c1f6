package dev.boomer.jobs;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.configuration.JobRunrConfiguration.JobRunrConfigurationResult;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * JobRunr on our PostgreSQL, wired by hand (there is no JobRunr 8 integration for Micronaut). Several
 * instances on one database form one cluster and split the work.
 */
@Factory
class JobRunrFactory {

    @Singleton
    @Bean(preDestroy = "close")
    StorageProvider storageProvider(DataSource dataSource) {
        return new PostgresStorageProvider(pooled(dataSource), DatabaseOptions.CREATE);
    }

    /**
     * The connection pool itself: the injected DataSource only hands out the connection of a surrounding
     * Micronaut Data transaction, and JobRunr manages its own connections on its own threads.
     */
    static DataSource pooled(DataSource dataSource) {
        DataSource current = dataSource;
        while (current instanceof DelegatingDataSource delegating) {
            current = delegating.getTargetDataSource();
        }
        return current;
    }

    @Singleton
    @Bean(preDestroy = "stop")
    JobRunrRuntime jobRunr(StorageProvider storage, ApplicationContext context, JobsProperties properties,
                           @Value("${boomer.shutdown.grace:30s}") Duration grace) {
        JobRunrConfigurationResult result = JobRunr.configure()
                .useStorageProvider(storage)
                .useJobActivator(context::getBean)
                .useBackgroundJobServerIf(properties.serverEnabled(),
                        BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                                .andPollInterval(properties.pollInterval())
                                .andWorkerCount(properties.workers())
                                // on shutdown, running items get the grace to finish before they are interrupted
                                .andInterruptJobsAwaitDurationOnStopBackgroundJobServer(grace))
                .initialize();
        return new JobRunrRuntime(result.getJobRequestScheduler(), result.getBackgroundJobServer());
    }

    @Singleton
    JobRequestScheduler jobRequestScheduler(JobRunrRuntime runtime) {
        return runtime.scheduler();
    }

    /** What {@link JobRunr#configure()} started, so that it can be stopped with the application. */
    record JobRunrRuntime(JobRequestScheduler scheduler, BackgroundJobServer server) {
        void stop() {
            if (server != null && server.isRunning()) {
                server.stop();
            }
        }
    }
}
