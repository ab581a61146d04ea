package org.carereview.consult.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.problem.FieldError;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small helpers every page controller uses: render a view, redirect after a post, map errors by field. */
public final class Pages {

    /** A model flag for a page that has just signed the person out: it shows no one signed in (PageModel). */
    public static final String SIGNED_OUT = "signedOut";

    /** The keys of GOV.UK's words for a page that is not there ("Page not found"), used by every 404 page. */
    public static final String NOT_FOUND_HEADING = "pages.error.404.heading";
    public static final String NOT_FOUND_MESSAGE = "pages.error.404.message";

    /** The model attribute holding the form's {@link FieldError}s, from which {@code PageModel} words them. */
    static final String FIELD_ERRORS = "fieldErrorList";

    private Pages() {
    }

    public static ModelAndView<Map<String, Object>> view(String name, Map<String, Object> model) {
        Map<String, Object> withDefaults = new LinkedHashMap<>(model);
        withDefaults.putIfAbsent("errors", List.of());
        withDefaults.putIfAbsent("fieldErrors", Map.of());
        return new ModelAndView<>(name, withDefaults);
    }

    /** A page with no variables of its own (the layout's are added to every page). */
    public static ModelAndView<Map<String, Object>> view(String name) {
        return view(name, Map.of());
    }

    /**
     * A page whose model is one record (annotated {@code @Introspected}): each of its components is a variable of the
     * template under its own name, as a map's keys would be, so a page says in one type what its template reads.
     */
    public static ModelAndView<Map<String, Object>> view(String name, Record page) {
        return view(name, model(page));
    }

    /** A record page model as the template's variables: one per component, nulls kept (the template tests them). */
    private static Map<String, Object> model(Record page) {
        BeanIntrospection<Record> introspection = BeanIntrospection.getIntrospection(record(page));
        Map<String, Object> model = new LinkedHashMap<>();
        for (BeanProperty<Record, Object> property : introspection.getBeanProperties()) {
            model.put(property.getName(), property.get(page));
        }
        return model;
    }

    @SuppressWarnings("unchecked")
    private static Class<Record> record(Record page) {
        return (Class<Record>) page.getClass();
    }

    /** A failed form: the same page again, with status 422, its errors listed and attached to fields. */
    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> invalid(String name, Map<String, Object> model,
                                                                           List<FieldError> errors) {
        return withErrors(HttpStatus.UNPROCESSABLE_ENTITY, name, model, errors);
    }

    /** A failed form whose page model is one record ({@link #view(String, Record)}). */
    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> invalid(String name, Record page,
                                                                           List<FieldError> errors) {
        return invalid(name, model(page), errors);
    }

    /**
     * The same page again with its errors listed ({@code errors}: href and text) and attached to fields
     * ({@code fieldErrors}: field to text), answered with the given status. An error made with
     * {@link FieldError#of} is worded in the page's version of the words when the page is rendered.
     */
    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> withErrors(HttpStatus status, String name,
                                                                              Map<String, Object> model,
                                                                              List<FieldError> errors) {
        Map<String, Object> withErrors = new LinkedHashMap<>(model);
        putErrors(withErrors, errors, FieldError::message);
        withErrors.put(FIELD_ERRORS, List.copyOf(errors));
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(new ModelAndView<>(name, withErrors));
    }

    /** The same page again with its errors, answered with the given status, whose page model is one record. */
    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> withErrors(HttpStatus status, String name,
                                                                              Record page, List<FieldError> errors) {
        return withErrors(status, name, model(page), errors);
    }

    /** Lists the errors ({@code errors}) and attaches them to their fields ({@code fieldErrors}) in the given words. */
    static void putErrors(Map<String, Object> model, List<FieldError> errors, Function<FieldError, String> words) {
        model.put("errors", errors.stream().map(e -> Map.of("href", href(e.field()), "text", words.apply(e))).toList());
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), words.apply(e)));
        model.put("fieldErrors", byField);
    }

    /** An error links to its field on the page ("#field"), or to another page when given a path ("/..."). */
    private static String href(String field) {
        return field.startsWith("/") ? field : "#" + field;
    }

    /**
     * The GOV.UK "Page not found" page with status 404: the same whether the thing never existed or this
     * person may not see it. (A bare 404 status from a controller would reach the browser with no page.)
     */
    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> notFound() {
        return error(HttpStatus.NOT_FOUND, NOT_FOUND_HEADING, NOT_FOUND_MESSAGE);
    }

    /** GOV.UK's error page with the given status, heading and message (words, or keys of the page's words). */
    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> error(HttpStatus status, String heading,
                                                                         String message) {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(view("error",
                new ErrorPage(status.getCode(), heading, message)));
    }

    /** The error page ({@code error}) as a controller answers with it: status, heading and message. */
    @Introspected
    record ErrorPage(int status, String heading, String message) {
    }

    /** Post/redirect/get: 303 See Other, so a refresh never posts twice. */
    public static MutableHttpResponse<Object> seeOther(String path) {
        return HttpResponse.status(HttpStatus.SEE_OTHER).headers(h -> h.location(URI.create(path)));
    }
}
