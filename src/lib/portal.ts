// Portal-wide display settings.

/** The portal's name in the header and page titles. */
export const PORTAL_NAME = '政府网站监管平台';

/**
 * Content-Security-Policy of the built pages: scripts and styles only from the portal's own files,
 * never inline (the build writes CSS to files), so text quoted from inspected sites can never run
 * or restyle the page. Images from data: only for small icons.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
