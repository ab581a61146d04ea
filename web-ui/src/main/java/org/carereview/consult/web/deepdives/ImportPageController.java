package org.carereview.consult.web.deepdives;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.deepdives.Area;
import org.carereview.consult.deepdives.Areas;
import org.carereview.consult.deepdives.BulkReceipt;
import org.carereview.consult.deepdives.Feedback;
import org.carereview.consult.deepdives.FeedbackCsv;
import org.carereview.consult.deepdives.Sessions;
import org.carereview.consult.web.Pages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A facilitator uploads a CSV file of feedback cards (the template has the columns): every card is stored, or,
 * if any line is wrong, none is and each problem is listed with its line number.
 */
@Controller("/staff/deep-dives/areas/{slug}/import")
@Produces(MediaType.TEXT_HTML)
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportPageController {

    static final String VIEW = "deepdives/import";

    private final Areas areas;
    private final Sessions sessions;
    private final Feedback feedback;

    ImportPageController(Areas areas, Sessions sessions, Feedback feedback) {
        this.areas = areas;
        this.sessions = sessions;
        this.feedback = feedback;
    }

    @NotAudited("a form")
    @Get
    HttpResponse<?> show(@PathVariable String slug) {
        return areas.find(slug).<HttpResponse<?>>map(a -> HttpResponse.ok(Pages.view(VIEW, model(a, null))))
                .orElseGet(Pages::notFound);
    }

    /** Multipart: the CSRF token is a text part of the body (CsrfFilter reads it there). */
    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(@PathVariable String slug, @Nullable @Part("file") CompletedFileUpload file,
                           @Nullable @Part("sessionId") String sessionId, Authentication who) {
        Optional<Area> area = areas.find(slug);
        if (area.isEmpty()) {
            return Pages.notFound();
        }
        ImportPage model = model(area.get(), sessionId);
        try {
            String csv = text(file);
            BulkReceipt receipt = feedback.importCsv(slug, sessionId, csv, UUID.fromString(who.getName()));
            return Pages.seeOther("/staff/deep-dives/areas/" + slug + "?cards=" + receipt.count());
        } catch (InvalidInputException e) {
            return Pages.invalid(VIEW, model, e.errors().stream().map(er -> new FieldError(
                    er.field().equals("sessionId") ? "sessionId" : "file", er.message())).toList());
        }
    }

    private static String text(@Nullable CompletedFileUpload file) {
        if (file == null || file.getSize() == 0) {
            throw new InvalidInputException("file", "Choose a CSV file to upload");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "The file is not saved as UTF-8 text. In your spreadsheet, save it "
                    + "as \"CSV UTF-8\" and upload it again");
        } catch (IOException e) {
            throw new InvalidInputException("file", "The file could not be read. Upload it again");
        }
    }

    private ImportPage model(Area area, @Nullable String sessionId) {
        return new ImportPage(area, "/staff/deep-dives/areas/" + area.slug() + "/import",
                Options.sessions(sessions.list(area.slug())), sessionId, FeedbackCsv.COLUMNS, feedback.maxCards());
    }

    /**
     * Importing an area's cards from a spreadsheet ({@code deepdives/import}): the area, where the form posts, its
     * sessions to choose from and the one chosen (or null), the columns a file must have, and how many cards it may
     * hold.
     */
    @Introspected
    record ImportPage(Area area, String action, List<Map<String, Object>> sessionOptions, @Nullable String sessionId,
                      List<String> columns, int maxCards) {
    }
}
