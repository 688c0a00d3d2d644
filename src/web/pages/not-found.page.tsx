// Shown for unknown paths and for pages the person's role does not open.
import { useTitle } from "../hooks/use-title.js";
import { Link } from "../router/router.js";

/** The "page not found" page. */
export function NotFoundPage({
  message = "There is no page at this address.",
  heading = "Page not found",
}: {
  message?: string;
  heading?: string;
}) {
  useTitle(heading === "Page not found" ? "Not found" : heading);
  return (
    <>
      <h1>{heading}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to the feed</Link>
      </p>
    </>
  );
}
