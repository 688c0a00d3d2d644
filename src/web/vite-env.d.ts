// Vite's client types (CSS imports, import.meta.env) for every tsconfig that covers src/web.
/// <reference types="vite/client" />
