package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * What the participant's feedback page ({@code deepdives/give-feedback}) shows: where it posts, the area (and the
 * session, if the link names one), the choices in the participant's words, what they wrote so far, and the
 * page's one-time form token and signed stamp.
 */
@Introspected
record FeedbackPage(String action, String areaName, @Nullable String sessionDate, @Nullable String sessionAudience,
                    List<Map<String, Object>> participantTypes, List<Map<String, Object>> themes,
                    GiveFeedbackForm form, List<String> selectedThemes, String formId, String stamp, int maxLength) {
}
