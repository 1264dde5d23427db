// Start GOV.UK Frontend's components. Pages work without this script.
import { initAll } from "/static/govuk/govuk-frontend.min.js";

initAll();
