package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.Contact;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.time.UkTime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An application's answers as its owner's page shows them, and their erasure when the applicant withdraws.
 * The description includes identity and contact details (the owner's own); it never includes the equality
 * answers. Whoever shows it to staff must leave out what their role may not see.
 */
@Singleton
class ApplicationContent implements ChannelContent {


    private static final Set<String> FREE_TEXT = Set.of("experienceStory", "motivation", "availability");

    private final ApplicationStore store;
    private final Clock clock;

    ApplicationContent(ApplicationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** An application's free-text answers just written, by the names {@link #describe} gives them (nulls left out). */
    static java.util.Map<String, String> answers(ApplicationStore.NewRow row) {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("experienceStory", row.experienceStory());
        answers.put("motivation", row.motivation());
        answers.put("availability", row.availability());
        answers.values().removeIf(java.util.Objects::isNull);
        return answers;
    }

    /** The answers written in the person's own words, redacted for scorers and exports. */
    @Override
    public Set<String> freeText() {
        return FREE_TEXT;
    }

    @Override
    public SubmissionKind kind() {
        return SubmissionKind.EBE_APPLICATION;
    }

    @Override
    public List<Detail> describe(UUID submissionId) {
        return store.find(submissionId).map(ApplicationContent::details).orElse(List.of());
    }

    /**
     * The applicant's email and phone, and their trusted adult with whether the applicant agreed the review may
     * contact them. The application does not ask the applicant to agree to be contacted (they give their details
     * to hear about their application) nor to be published, so those are null.
     */
    @Override
    public Contact contact(UUID submissionId) {
        return store.find(submissionId).map(a -> {
            ApplicationView.TrustedAdult adult = a.trustedAdult();
            return new Contact(a.email(), a.phone(), null, null, adult == null ? null
                    : new Contact.TrustedAdult(adult.name(), adult.relationship(), adult.email(), adult.phone(),
                    a.consents().contactTrustedAdult()));
        }).orElse(Contact.NONE);
    }

    /** The outcome as the applicant reads it. */
    static String outcomeInWords(ApplicationOutcome outcome) {
        return switch (outcome) {
            case SUBMITTED -> "Received: not decided yet";
            case SHORTLISTED -> "Shortlisted: we will contact you about the next step";
            case SELECTED -> "Selected for the group";
            case WAITLISTED -> "On the waiting list";
            case DECLINED -> "Not offered a place this time";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    /** Erases every personal and free-text answer and the equality answers; the outcome becomes WITHDRAWN. */
    @Override
    public void erase(UUID submissionId) {
        store.erase(submissionId, clock.instant());
    }

    private static List<Detail> details(ApplicationView a) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("outcome", "Where your application stands", outcomeInWords(a.outcome()),
                List.of(a.outcome().name())));
        details.add(new Detail("experiences", "Your experience of children's social care",
                a.experiences().isEmpty() ? null
                        : a.experiences().stream().map(Experience::label).collect(Collectors.joining("\n")),
                a.experiences().stream().map(Experience::name).toList()));
        details.add(new Detail("name", "Your name", a.name()));
        add(details, "preferredName", "The name you would like us to use", a.preferredName());
        details.add(new Detail("dateOfBirth", "Your date of birth",
                a.dateOfBirth() == null ? null : UkTime.day(a.dateOfBirth())));
        details.add(new Detail("region", "Where you live", a.region() == null ? null : a.region().label(),
                a.region() == null ? List.of() : List.of(a.region().name())));
        add(details, "email", "Email address", a.email());
        add(details, "phone", "Phone number", a.phone());
        ApplicationView.TrustedAdult adult = a.trustedAdult();
        if (adult != null) {
            add(details, "trustedAdult.name", "Your trusted adult's name", adult.name());
            add(details, "trustedAdult.relationship", "How you know them", adult.relationship());
            add(details, "trustedAdult.email", "Their email address", adult.email());
            add(details, "trustedAdult.phone", "Their phone number", adult.phone());
        }
        details.add(new Detail("experienceStory", "Tell us about your experience", a.experienceStory()));
        details.add(new Detail("motivation", "Why would you like to join the group?", a.motivation()));
        add(details, "availability", "When you could take part", a.availability());
        add(details, "accessNeeds", "Anything that would help you take part", a.accessNeeds());
        add(details, "supportNeeds", "Support you might need", a.supportNeeds());
        return details;
    }

    private static void add(List<Detail> details, String name, String label, @Nullable String value) {
        if (value != null) {
            details.add(new Detail(name, label, value));
        }
    }
}
