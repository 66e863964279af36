/**
 * @module A file's name as Wharf keeps and shows it: without bidirectional controls
 * (U+202A-202E, U+2066-2069, U+200E/F, U+061C), which would let "invoice‮fdp.exe" read as
 * "invoiceexe.pdf" in a list, a save dialog or a mail.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

export const withoutBidiControls = (name: string) => name.replace(BIDI_CONTROLS, "")
