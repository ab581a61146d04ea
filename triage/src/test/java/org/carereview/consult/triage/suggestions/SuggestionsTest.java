package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.safeguarding.RealEncoder;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Suggestions with the real sentence model (no stand-in), on a few small answers. */
class SuggestionsTest {

    private static final Suggester SUGGESTER = new Suggester(RealEncoder.get());

    @Test
    void anAnswerAboutSocialWorkersLeavingGetsDeliveryOrCareInItsTopThreeWithTheSentenceThatSaysSo() {
        String changing = "I have had five different social workers in two years because they keep leaving.";
        Suggestions s = SUGGESTER.suggest("I am fifteen and I live with foster carers. " + changing
                + " I would like to go to the cinema more.", TaggedSet.EMPTY);

        List<Suggestion<Theme>> top = s.themes().subList(0, 3);
        Suggestion<Theme> match = top.stream()
                .filter(x -> x.code() == Theme.DELIVERY || x.code() == Theme.CARE).findFirst()
                .orElseThrow(() -> new AssertionError("top 3: " + top));
        assertEquals(changing, match.sentence());
    }

    @Test
    void anAnswerIsSuggestedTheThemeOfAVerySimilarTaggedAnswerAndItsIdIsGivenAsWhy() {
        List<TaggedExample> examples = new ArrayList<>();
        tag(examples, "support-1", Theme.SUPPORT, "My son waited a year for counselling after his dad died.");
        tag(examples, "families-1", Theme.STRENGTHENING_FAMILIES, "Grandparents should be asked first before strangers.");
        tag(examples, "safety-1", Theme.SAFETY, "I was placed in a hostel with adults at sixteen and felt unsafe.");
        tag(examples, "care-1", Theme.CARE, "I moved foster homes seven times and changed school each time.");
        tag(examples, "delivery-1", Theme.DELIVERY, "Social workers have thirty cases each and cannot keep up.");
        tag(examples, "money-1", Theme.SUSTAINABILITY, "Councils pay private homes thousands of pounds a week.");
        tag(examples, "oversight-1", Theme.ACCOUNTABILITY,
                "Nobody checks whether the council keeps the promises in my pathway plan.");

        Suggestions s = SUGGESTER.suggest("Nobody ever checks if the council actually keeps the promises written in "
                + "the pathway plan.", TaggedSet.of(examples));

        Suggestion<Theme> first = s.themes().get(0);
        assertEquals(Theme.ACCOUNTABILITY, first.code(), s.themes().toString());
        assertEquals(List.of("oversight-1"), first.similar());
    }

    @Test
    void withNoTaggedAnswersEveryThemeIsRankedWithConfidencesThatSumToOne() {
        Suggestions s = SUGGESTER.suggest("Foster carers are not paid enough, so councils end up paying far more "
                + "for places in children's homes.", TaggedSet.EMPTY);

        assertEquals(Set.of(Theme.values()), Set.copyOf(s.themes().stream().map(Suggestion::code).toList()));
        assertEquals(1.0, s.themes().stream().mapToDouble(Suggestion::confidence).sum(), 1e-9);
        for (int i = 1; i < s.themes().size(); i++) {
            assertTrue(s.themes().get(i - 1).confidence() >= s.themes().get(i).confidence());
        }
        assertTrue(s.themes().stream().allMatch(x -> x.similar().isEmpty()));
        assertEquals(Dilemma.values().length, s.dilemmas().size());
        double dilemmas = s.dilemmas().stream().mapToDouble(Suggestion::confidence).sum();
        assertTrue(dilemmas > 0 && dilemmas < 1, "the rest is 'no dilemma': " + dilemmas);
    }

    @Test
    void aBlankAnswerGetsNoSuggestions() {
        assertEquals(Suggestions.NONE, SUGGESTER.suggest("", TaggedSet.EMPTY));
        assertEquals(Suggestions.NONE, SUGGESTER.suggest(" \n\t ", TaggedSet.EMPTY));
        assertEquals(Suggestions.NONE, SUGGESTER.suggest(null, TaggedSet.EMPTY));
    }

    @Test
    void anAnswerIsSplitIntoSentencesAndOneWithoutFullStopsIsCut() {
        assertEquals(List.of("Children need a home.", "pls help. They need it now!"),
                Sentences.of("Children need a home. pls help. They need it now!"));
        String unpunctuated = "word ".repeat(Sentences.WORDS + 5).strip();
        List<String> pieces = Sentences.of(unpunctuated);
        assertEquals(2, pieces.size());
        assertEquals(Sentences.WORDS, pieces.get(0).split(" ").length);
    }

    private static void tag(List<TaggedExample> examples, String id, Theme theme, String text) {
        examples.add(new TaggedExample(id, text, SUGGESTER.vectorOf(text), Set.of(theme), Optional.empty()));
    }
}
