// The sending state of a form whose errors also mark its fields (the item forms): useSubmit's, plus the errors by field
// path, from its own checks or from the server's validation answer.
import { type Dispatch, type SetStateAction, useState } from "react";
import { type FieldErrors, fieldErrorsFromApi } from "../lib/details-draft.js";
import { focusFirstInvalid } from "../lib/focus.js";
import { type Submit, useSubmit } from "./use-submit.js";

/** What `useFieldSubmit` gives a form. */
export interface FieldSubmit extends Submit {
  fieldErrors: FieldErrors;
  setFieldErrors: Dispatch<SetStateAction<FieldErrors>>;
  /** Shows `message` and marks the fields of `errors`, focusing the first, instead of sending. */
  fail: (message: string, errors: FieldErrors) => void;
  /** Like `Submit.send`, clearing the field errors first; a refusal's field errors are marked and the first focused. */
  send: (request: () => Promise<unknown>) => Promise<void>;
}

/** A form's busy, error and field error state; `closes` as with `useSubmit`. */
export function useFieldSubmit(options: { closes?: boolean } = {}): FieldSubmit {
  const submit = useSubmit(options);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const fail = (message: string, errors: FieldErrors) => {
    submit.refuse(message);
    setFieldErrors(errors);
    focusFirstInvalid();
  };
  const send = async (request: () => Promise<unknown>) => {
    setFieldErrors({});
    await submit.send(async () => {
      try {
        await request();
      } catch (e) {
        setFieldErrors(fieldErrorsFromApi(e));
        focusFirstInvalid();
        throw e;
      }
    });
  };
  return { ...submit, fieldErrors, setFieldErrors, fail, send };
}
