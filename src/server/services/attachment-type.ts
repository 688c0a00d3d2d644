// Recognises an attachment's type from its content, and refuses a name that claims another type.
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../../shared/errors.js";
import { ATTACHMENT_TYPES } from "../../shared/schemas/index.js";

const EXTENSIONS: Record<(typeof ATTACHMENT_TYPES)[number], readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/gif": ["gif"],
  "application/zip": ["zip"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "text/plain": ["txt", "log", "md"],
  "text/csv": ["csv"],
  "application/json": ["json"],
};

function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The media type of `bytes`, checked against the extension of `filename`; throws unsupported_media_type. */
export async function attachmentType(filename: string, bytes: Uint8Array): Promise<string> {
  const extension = filename.includes(".") ? (filename.split(".").pop() ?? "").toLowerCase() : "";
  const detected = await fileTypeFromBuffer(bytes);
  let type: string | undefined = detected?.mime;
  if (!detected && isText(bytes)) {
    if (extension === "json") {
      try {
        JSON.parse(new TextDecoder().decode(bytes));
        type = "application/json";
      } catch {
        throw new AppError("unsupported_media_type", `${filename} is named .json but is not valid JSON.`);
      }
    } else type = extension === "csv" ? "text/csv" : "text/plain";
  }
  const allowed = type !== undefined && (ATTACHMENT_TYPES as readonly string[]).includes(type);
  if (!type || !allowed) {
    throw new AppError(
      "unsupported_media_type",
      `The content of ${filename} is ${detected?.mime ?? "not a recognised type"}; allowed are PDF, images, Office documents, ZIP, text, CSV and JSON.`,
    );
  }
  const expected = EXTENSIONS[type as keyof typeof EXTENSIONS];
  if (!expected.includes(extension)) {
    throw new AppError(
      "unsupported_media_type",
      `${filename} contains ${type}; name it with .${expected[0]} so nobody opens it as something else.`,
    );
  }
  return type;
}
