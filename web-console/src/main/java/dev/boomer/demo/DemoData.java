package dev.boomer.demo;

import dev.boomer.application.budgets.ManageBudgets;
import dev.boomer.application.intake.SubmitItem;
import dev.boomer.application.intake.SubmitItemCommand;
import dev.boomer.application.intake.SubmitResult;
import dev.boomer.application.users.CreateUser;
import dev.boomer.domain.budget.Budget;
import dev.boomer.domain.budget.Period;
import dev.boomer.domain.item.ItemQuery;
import dev.boomer.domain.item.ItemRepository;
import dev.boomer.domain.item.Priority;
import dev.boomer.domain.money.Money;
import dev.boomer.domain.photo.RawPhoto;
import dev.boomer.domain.user.Role;
import dev.boomer.domain.user.User;
import dev.boomer.domain.user.UserRepository;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.ResourceLoader;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Demo mode (the embedded default): two reseller accounts and the sample photos submitted as items, so a
 * first start shows the whole pipeline. Runs once, on an empty database. Left unset, it runs only with the
 * embedded database and the simulated vision provider; {@code boomer.demo.enabled} true or false decides.
 */
@Singleton
@Order(2)
class DemoData implements ApplicationEventListener<StartupEvent> {

    static final String DEMO_PASSWORD = "demo-password";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String PLAN = "classpath:samples/demo-items.txt";

    private final Environment environment;
    private final ResourceLoader resources;
    private final UserRepository users;
    private final ItemRepository items;
    private final CreateUser createUser;
    private final SubmitItem submitItem;
    private final ManageBudgets budgets;

    DemoData(Environment environment, ResourceLoader resources, UserRepository users, ItemRepository items,
             CreateUser createUser, SubmitItem submitItem, ManageBudgets budgets) {
        this.environment = environment;
        this.resources = resources;
        this.users = users;
        this.items = items;
        this.createUser = createUser;
        this.submitItem = submitItem;
        this.budgets = budgets;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!enabled() || !items.find(ItemQuery.all(1)).isEmpty()) {
            return;
        }
        List<DemoItem> plan = readPlan();
        int submitted = 0;
        for (DemoItem demo : plan) {
            User owner = users.findByUsername(demo.username()).orElseGet(() -> createDemoUser(demo.username()));
            SubmitResult result = submitItem.submit(new SubmitItemCommand(owner.id(), demo.photos().stream()
                    .map(this::samplePhoto).toList(), demo.priority(), Optional.of(demo.sku())));
            if (result instanceof SubmitResult.Rejected rejected) {
                LOG.warn("demo item {} was refused: {}", demo.sku(), rejected.rejection().message());
            } else {
                submitted++;
            }
        }
        LOG.info("Demo mode: {} sample items submitted for users {} (console password '{}'); "
                + "set boomer.demo.enabled=false to start empty", submitted,
                plan.stream().map(DemoItem::username).distinct().toList(), DEMO_PASSWORD);
    }

    private boolean enabled() {
        return enabled(environment.getProperty("boomer.demo.enabled", Boolean.class),
                environment.getProperty("datasources.default.url", String.class),
                environment.getProperty("boomer.vision.provider", String.class));
    }

    /**
     * Unasked, demo accounts (with their published password) never land on a configured database and demo
     * items never go to a paid provider; {@code boomer.demo.enabled} set decides outright.
     */
    static boolean enabled(Optional<Boolean> configured, Optional<String> databaseUrl, Optional<String> visionProvider) {
        return configured.orElseGet(() -> databaseUrl.isEmpty() && visionProvider.orElse("simulated").equals("simulated"));
    }

    /** A reseller with a daily budget in their own time zone, so that the users page has something to show. */
    private User createDemoUser(String username) {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        User user = createUser.create(new CreateUser.Command(username, Role.SELLER, berlin,
                Optional.of(DEMO_PASSWORD), Optional.empty())).user();
        users.findByUsername(BootstrapAdmin.ADMIN).ifPresent(admin -> budgets.setBudget(user.id(),
                new Budget(Period.DAILY, berlin, Money.usd("1.00"), Optional.of(Money.usd("0.80")), Optional.empty()),
                admin.id()));
        return user;
    }

    /** Lines of {@code username | sku | priority | photo, photo...}; '#' starts a comment. */
    private List<DemoItem> readPlan() {
        String text = read(PLAN, "the demo plan");
        List<DemoItem> plan = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\|");
            plan.add(new DemoItem(fields[0].strip(), fields[1].strip(), Priority.valueOf(fields[2].strip()),
                    Arrays.stream(fields[3].split(",")).map(String::strip).toList()));
        }
        return plan;
    }

    private RawPhoto samplePhoto(String name) {
        String location = "classpath:samples/photos/" + name;
        try (InputStream in = resources.getResourceAsStream(location)
                .orElseThrow(() -> new IllegalStateException("missing sample photo " + location))) {
            return new RawPhoto(name, Optional.empty(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(String location, String what) {
        try (InputStream in = resources.getResourceAsStream(location)
                .orElseThrow(() -> new IllegalStateException("missing " + what + " at " + location))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record DemoItem(String username, String sku, Priority priority, List<String> photos) {
    }
}
