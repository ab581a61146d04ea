package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.deepdives.FeedbackInput;
import org.carereview.consult.deepdives.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk entry page's cards as posted: card 1, card 2, ... each with fields named {@code card-<n>-<field>},
 * and one session for them all. Errors from the service name cards by their place among the filled ones; here
 * they are renamed to the card's number on the page.
 */
final class CardsForm {

    static final int START = 3;
    static final int MOST = 50;
    private static final Pattern CARD_ERROR = Pattern.compile("cards\\[(\\d+)]\\.(\\w+)");

    /** One card's fields as typed. */
    record Card(int number, @Nullable String participantType, @Nullable String whatWorks,
                @Nullable String whatNeedsToChange, List<String> themes, List<String> dilemmas) {

        String prefix() {
            return "card-" + number;
        }

        boolean empty() {
            return input(null).empty();
        }

        FeedbackInput input(@Nullable String sessionId) {
            return new FeedbackInput(participantType, whatWorks, whatNeedsToChange, themes, dilemmas, sessionId, null);
        }
    }

    private final List<Card> cards;
    @Nullable
    private final String sessionId;

    private CardsForm(List<Card> cards, @Nullable String sessionId) {
        this.cards = cards;
        this.sessionId = sessionId;
    }

    static CardsForm blank(int count) {
        List<Card> cards = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            cards.add(new Card(n, null, null, null, List.of(), List.of()));
        }
        return new CardsForm(cards, null);
    }

    static CardsForm read(FormBody body) {
        int count;
        try {
            count = Math.max(1, Math.min(MOST, Integer.parseInt(String.valueOf(body.first("cards")))));
        } catch (NumberFormatException e) {
            count = START;
        }
        List<Card> cards = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String p = "card-" + n + "-";
            cards.add(new Card(n, body.first(p + "participantType"), body.first(p + "whatWorks"),
                    body.first(p + "whatNeedsToChange"), body.all(p + "themes"), body.all(p + "dilemmas")));
        }
        String session = body.first("sessionId");
        return new CardsForm(cards, session == null || session.isBlank() ? null : session);
    }

    CardsForm withAnotherCard() {
        List<Card> more = new ArrayList<>(cards);
        if (more.size() < MOST) {
            more.add(new Card(more.size() + 1, null, null, null, List.of(), List.of()));
        }
        return new CardsForm(more, sessionId);
    }

    List<Card> filled() {
        return cards.stream().filter(c -> !c.empty()).toList();
    }

    List<FeedbackInput> inputs() {
        return filled().stream().map(c -> c.input(sessionId)).toList();
    }

    /** The service's errors, named by the card's number and field id on this page. */
    List<FieldError> pageErrors(List<FieldError> errors) {
        List<Card> filled = filled();
        List<FieldError> page = new ArrayList<>();
        for (FieldError e : errors) {
            Matcher m = CARD_ERROR.matcher(e.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < filled.size()) {
                Card card = filled.get(Integer.parseInt(m.group(1)));
                String field = m.group(2).equals("sessionId") ? "sessionId" : card.prefix() + "-" + m.group(2);
                page.add(new FieldError(field, e.message().replaceFirst("^Card \\d+", "Card " + card.number())));
            } else {
                page.add(new FieldError(e.field().equals("cards") ? "card-1-participantType" : e.field(), e.message()));
            }
        }
        return page;
    }

    CardsPage model(Area area, List<Session> sessions, String formId) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Card c : cards) {
            Map<String, Object> card = new HashMap<>();
            card.put("number", c.number());
            card.put("prefix", c.prefix());
            card.put("participantType", c.participantType());
            card.put("whatWorks", c.whatWorks());
            card.put("whatNeedsToChange", c.whatNeedsToChange());
            card.put("themes", c.themes());
            card.put("dilemmas", c.dilemmas());
            card.put("themeItems", Options.themes(c.prefix() + "-themes"));
            card.put("dilemmaItems", Options.dilemmas(c.prefix() + "-dilemmas"));
            shown.add(card);
        }
        List<Map<String, Object>> types = new ArrayList<>();
        types.add(Map.of("value", "", "text", "Choose who gave it"));
        types.addAll(Options.participantTypes());
        return new CardsPage(area, shown, cards.size(), cards.size() < MOST, types, Options.sessions(sessions),
                sessionId, formId);
    }

    /**
     * Entering an area's feedback cards ({@code deepdives/cards}): the area, the cards as filled in, how many, whether
     * another may be added, the choices of who gave a card and of session, the session chosen, and the form's id (so
     * the same page saved twice saves its cards once).
     */
    @Introspected
    record CardsPage(Area area, List<Map<String, Object>> cards, int count, boolean more,
                     List<Map<String, Object>> participantTypes, List<Map<String, Object>> sessionOptions,
                     @Nullable String sessionId, String formId) {

        CardsPage withFormId(String another) {
            return new CardsPage(area, cards, count, more, participantTypes, sessionOptions, sessionId, another);
        }
    }
}
