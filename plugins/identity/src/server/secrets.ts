/**
 * @module Passwords (argon2id) and random secrets (session ids, API tokens, CSRF tokens),
 * of which the database keeps only hashes.
 */
import { createHash, randomBytes } from "node:crypto"
import { hash, verify } from "@node-rs/argon2"

// `Algorithm` is a const enum, which isolated modules cannot import; 2 is Argon2id.
const ARGON2ID = 2

import { Effect } from "effect"

export const hashPassword = (password: string) =>
  Effect.promise(() => hash(password, { algorithm: ARGON2ID }))

export const verifyPassword = (passwordHash: string, password: string) =>
  Effect.promise(() => verify(passwordHash, password).catch(() => false))

// A valid hash of a password nobody knows: verifying against it when the email is unknown
// takes as long as for a real user, so timing does not tell which emails exist.
let decoy: Promise<string> | undefined
export const decoyHash = () =>
  Effect.promise(() => (decoy ??= hash(randomBytes(16).toString("hex"), { algorithm: ARGON2ID })))

export const randomSecret = (bytes = 32) => randomBytes(bytes).toString("base64url")
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex")

/** API tokens look like `wharf_<secret>`, so secret scanners and people can recognise them. */
export const TOKEN_PREFIX = "wharf_"
