// Sets the document title for a page.
import { useEffect } from "react";

/** Sets `document.title` to "<title> · Roundtable". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Roundtable` : "Roundtable";
  }, [title]);
}
