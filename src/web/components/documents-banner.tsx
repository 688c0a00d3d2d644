// The app-shell banner shown until the person accepts the current Terms of Reference and NDA.
import { Link } from "../router/router.js";

/** Warns that nothing above TLP:CLEAR is visible until the current documents are accepted. */
export function DocumentsBanner() {
  return (
    <section className="banner banner-warning" aria-label="Documents to accept">
      <p>
        You see nothing above <strong>TLP:CLEAR</strong> until you accept the current Terms of Reference and non-disclosure
        agreement. <Link to="/documents">Read and accept them</Link>.
      </p>
    </section>
  );
}
