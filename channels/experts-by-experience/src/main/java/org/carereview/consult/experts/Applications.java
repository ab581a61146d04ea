package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Emails;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.redaction.Redactions;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.core.submission.NewSubmission;
import org.carereview.consult.core.submission.SubmissionDraft;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionSummary;
import org.carereview.consult.core.submission.Submissions;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.notifications.Outbox;
import org.carereview.consult.notifications.PhoneNumbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applications to the Experts by Experience group: checks the window and the answers, stores the common
 * record, the application and (apart) any equality answers, and queues the receipt (an email, or a text message
 * for an applicant who gave only a UK mobile number), all in one transaction, so an application is never
 * half-written or unacknowledged. The pages and the API both call this.
 */
@Singleton
public class Applications {

    static final String RECEIPT_TEMPLATE = "ebe-receipt";
    static final String RECEIPT_TEXT_TEMPLATE = "ebe-receipt-sms";
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;

    private final Redactions redactions;
    private final ApplicationWindow window;
    private final Submissions submissions;
    private final ApplicationStore store;
    private final AccountService accounts;
    private final Outbox outbox;
    private final ExpertsConfiguration configuration;
    private final ConsultConfiguration consult;
    private final JsonMapper json;
    private final Clock clock;

    Applications(ApplicationWindow window, Submissions submissions, ApplicationStore store, AccountService accounts,
                 Outbox outbox, ExpertsConfiguration configuration, ConsultConfiguration consult, JsonMapper json,
                 Clock clock, Redactions redactions) {
        this.redactions = redactions;
        this.window = window;
        this.submissions = submissions;
        this.store = store;
        this.accounts = accounts;
        this.outbox = outbox;
        this.configuration = configuration;
        this.consult = consult;
        this.json = json;
        this.clock = clock;
    }

    /** Today in the UK: the day ages are worked out on. */
    public LocalDate today() {
        return UkTime.today(clock);
    }

    /** Field errors for this input as if it were sent now, empty when it can be submitted. */
    public List<FieldError> check(ApplicationInput input) {
        return ApplicationValidator.validate(input, today(), configuration.maxAnswerLength());
    }

    /** Field errors for one page of the journey: only those about the given fields (dotted names). */
    public List<FieldError> checkPage(ApplicationInput input, Set<String> fields) {
        return check(input).stream().filter(e -> fields.contains(e.field())).toList();
    }

    /** Whether someone with this date of birth (ISO, such as 2011-06-30) must give a trusted adult today. */
    public boolean needsTrustedAdult(@Nullable String dateOfBirth) {
        LocalDate parsed = ApplicationValidator.parseDate(dateOfBirth);
        return parsed != null && !parsed.isAfter(today()) && ApplicationValidator.needsTrustedAdult(parsed, today());
    }

    public int maxAnswerLength() {
        return configuration.maxAnswerLength();
    }

    /**
     * Reads these answers with the learned safeguarding check before the caller's transaction opens
     * ({@link Submissions#screenAhead}); nothing is read for answers that will be refused or outside the window.
     * Close it after.
     */
    public Screening.Ahead screenAhead(ApplicationInput input) {
        if (!window.current().open()
                || !ApplicationValidator.validate(input, today(), configuration.maxAnswerLength()).isEmpty()) {
            return Screening.Ahead.NONE;
        }
        return submissions.screenAhead(searchText(input), needs(input));
    }

    /**
     * Stores an application. Outside the window it is refused with 409 ({@code window-not-open} or
     * {@code window-closed}) before the answers are even looked at; invalid answers are refused with 422.
     *
     * @param signedIn the account of a signed-in applicant, who then owns it; otherwise the contributor
     *                 account of the applicant's email address does, if one was given
     */
    @Transactional
    public ApplicationReceipt submit(ApplicationInput input, @Nullable UUID signedIn) {
        window.requireOpen();
        LocalDate today = today();
        List<FieldError> errors = ApplicationValidator.validate(input, today, configuration.maxAnswerLength());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String email = email(input);
        UUID owner = signedIn != null ? signedIn : email != null ? accounts.contributorFor(email) : null;
        ApplicationStore.NewRow unsaved = unsaved(input, email, today);
        Redactions.NewRedaction redacted = redactions.redactNew(ApplicationContent.answers(unsaved));
        NewSubmission created = submissions.create(SubmissionDraft.of(SubmissionKind.EBE_APPLICATION, owner, null,
                Set.of(), Set.of(), searchText(input), needs(input)).withRedactedAnswers(redacted.answers()));
        store.insertAll(List.of(store.seal(unsaved.of(created.id()), equalityJson(input))));
        redactions.keepNew(created.id(), redacted);
        String closes = ApplicationWindow.inWords(window.current().closesAt());
        if (email != null) {
            outbox.enqueue(RECEIPT_TEMPLATE, email, receiptFields(created.reference(), closes));
        } else if (textsReceipt(input)) {
            outbox.enqueueText(RECEIPT_TEXT_TEMPLATE, input.phone(), textFields(created.reference(), closes));
        }
        return new ApplicationReceipt(created.id(), created.reference(), ApplicationOutcome.SUBMITTED);
    }

    /** The application with its outcome (never its equality answers); empty if there is no such application. */
    @Transactional
    public Optional<ApplicationView> find(UUID id) {
        return store.find(id);
    }

    /** The common record of the application, for deciding who may see it. */
    @Transactional
    public Optional<SubmissionSummary> summary(UUID id) {
        return submissions.find(id).filter(s -> s.kind() == SubmissionKind.EBE_APPLICATION);
    }

    /**
     * A keyset page of applications, newest first, for administrators.
     *
     * @param after the {@code next} cursor of the previous page, or null for the first page
     * @param limit 1 to {@value #MAX_PAGE_SIZE}; null for {@value #DEFAULT_PAGE_SIZE}
     */
    @Transactional
    public ApplicationPage list(ApplicationFilter filter, @Nullable String after, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "Limit must be a whole number from 1 to " + MAX_PAGE_SIZE);
        }
        List<ApplicationSummary> rows = store.list(filter, Cursors.decode(after), size + 1);
        if (rows.size() <= size) {
            return new ApplicationPage(rows, null);
        }
        List<ApplicationSummary> items = List.copyOf(rows.subList(0, size));
        ApplicationSummary last = items.get(size - 1);
        return new ApplicationPage(items, Cursors.encode(last.submittedAt(), last.id()));
    }

    /** The contact address as it is stored (trimmed, in lower case), or null if none was given. */
    @Nullable
    static String email(ApplicationInput input) {
        return blank(input.email()) ? null : Emails.normalise(input.email());
    }

    /** The application's row as it is stored, of valid input, before the submission has an id. */
    static ApplicationStore.NewRow unsaved(ApplicationInput input, @Nullable String email, LocalDate today) {
        LocalDate dateOfBirth = ApplicationValidator.parseDate(input.dateOfBirth());
        ApplicationInput.TrustedAdult adult = input.trustedAdult() == null
                ? new ApplicationInput.TrustedAdult(null, null, null, null) : input.trustedAdult();
        ApplicationInput.Consents consents = input.consents();
        return new ApplicationStore.NewRow(null,
                ApplicationValidator.parseExperiences(input.experiences()), input.name(), orNull(input.preferredName()),
                dateOfBirth, AgeBand.of(dateOfBirth, today),
                Region.parse(input.region()), email, blank(input.phone()) ? null : input.phone().strip(),
                orNull(adult.name()), orNull(adult.relationship()),
                blank(adult.email()) ? null : Emails.normalise(adult.email()),
                blank(adult.phone()) ? null : adult.phone().strip(),
                input.experienceStory(), input.motivation(), orNull(input.availability()), orNull(input.accessNeeds()),
                orNull(input.supportNeeds()), true, Boolean.TRUE.equals(consents.contactTrustedAdult()));
    }

    /** The receipt email's fields. */
    Map<String, String> receiptFields(String reference, String closes) {
        return Map.of("reference", reference, "closingDate", closes, "signInLink", consult.link("/sign-in"));
    }

    /**
     * Whether the receipt goes by text message: only a mobile number was given, so no applicant is left without one
     * (with an address it goes by email).
     */
    static boolean textsReceipt(ApplicationInput input) {
        return blank(input.email()) && !blank(input.phone()) && PhoneNumbers.isUkMobile(input.phone());
    }

    static Map<String, String> textFields(String reference, String closes) {
        return Map.of("reference", reference, "closingDate", closes);
    }

    /** The equality answers given, as stored (sealed after), or null if none were. */
    @Nullable
    String equalityJson(ApplicationInput input) {
        return ApplicationValidator.hasAnswers(input.equality()) ? equalityJson(input.equality()) : null;
    }

    private String equalityJson(Map<String, Object> answers) {
        Map<String, Object> given = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (v != null) {
                given.put(k, v);
            }
        });
        try {
            return json.writeValueAsString(given);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean blank(@Nullable String s) {
        return ApplicationValidator.isBlank(s);
    }

    @Nullable
    private static String orNull(@Nullable String s) {
        return blank(s) ? null : s;
    }

    /** The free text staff may search (and screened): the story, motivation and availability. */
    static String searchText(ApplicationInput input) {
        return joined(input.experienceStory(), input.motivation(), input.availability());
    }

    /**
     * The access and support needs: special-category, stored sealed and never searchable, but screened with the
     * rest (a disclosure can be in any answer).
     */
    static String needs(ApplicationInput input) {
        return joined(input.accessNeeds(), input.supportNeeds());
    }

    private static String joined(String... texts) {
        return java.util.stream.Stream.of(texts)
                .filter(t -> t != null && !t.isBlank()).collect(java.util.stream.Collectors.joining("\n"));
    }
}
