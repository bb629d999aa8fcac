// Browser specs run code inside the page (page.evaluate, waitForFunction): they need the DOM types.
/// <reference lib="dom" />
