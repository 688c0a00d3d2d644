// Shown for unknown paths and for pages the person's role does not open.
import { useTitle } from "../hooks/use-title.js";
import { Link } from "../router/router.js";

/** The "page not found" page. */
export function NotFoundPage({ message = "There is no page at this address." }: { message?: string }) {
  useTitle("Not found");
  return (
    <>
      <h1>Page not found</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Go to the feed</Link>
      </p>
    </>
  );
}
