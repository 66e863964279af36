/** @module What Observe's server and console share. */
export {}
