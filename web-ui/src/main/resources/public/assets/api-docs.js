// The API's browsable page (/api/v1/docs): Swagger UI, from this service's own copy, reading /api/v1/openapi.yml.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.yml',
    dom_id: '#swagger-ui',
    deepLinking: true
  });
});
