#!/usr/bin/env node
import { createRequire as __memfsCreateRequire } from "node:module"; const require = __memfsCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path15, { windows } = {}) => {
      const segs = path15.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob2 = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob2 = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob2 = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob2 = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob2 = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob2 === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob2 = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob2 === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob2 === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob: isGlob2,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants3 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants3;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants3.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture2 = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants3.globChars(opts.windows);
      const EXTGLOB_CHARS = constants3.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture2}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count2 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count2++;
        }
        if (count2 % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture2}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants3.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture2 = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture2}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants3 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch3 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch3.compileRe(glob, options) : picomatch3.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored2 = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored2 = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex, options, { glob, posix: posix2 });
        const result = { glob, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored2(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch3.test = (input, regex, options, { glob, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options, posix2 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch3.isMatch = (str, patterns, options) => picomatch3(patterns, options)(str);
    picomatch3.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch3.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch3.scan = (input, options) => scan(input, options);
    picomatch3.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch3.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch3.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch3.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch3.constants = constants3;
    module.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch3, pico);
    module.exports = picomatch3;
  }
});

// src/cli/options.ts
import fs4 from "node:fs";
import os from "node:os";
import path5 from "node:path";
import { parseArgs } from "node:util";

// src/preload/config.ts
import { realpathSync } from "node:fs";
import { delimiter, isAbsolute, posix, resolve } from "node:path";

// src/changes/thread.ts
function workerThreadsModule() {
  const loaded = process.moduleLoadList;
  if (loaded !== void 0 && !loaded.includes("NativeModule worker_threads")) return void 0;
  const getBuiltin = process.getBuiltinModule;
  return getBuiltin?.("node:worker_threads");
}
function currentThread() {
  const workers = workerThreadsModule();
  return { isMainThread: workers?.isMainThread ?? true, threadId: workers?.threadId ?? 0 };
}

// src/platform/tmpdir.ts
function tmpdir() {
  const dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || "/tmp";
  return dir.length > 1 && dir.endsWith("/") ? dir.slice(0, -1) : dir;
}

// src/platform/without-trailing-slashes.ts
function withoutTrailingSlashes(text3) {
  let end = text3.length;
  while (end > 1 && text3.charCodeAt(end - 1) === 47) end--;
  return end === text3.length ? text3 : text3.slice(0, end);
}

// src/preload/config.ts
var ENV = {
  disable: "MEMFS_DISABLE",
  roots: "MEMFS_ROOTS",
  passThrough: "MEMFS_PASS_THROUGH",
  passThroughDefaults: "MEMFS_PASS_THROUGH_DEFAULTS",
  quota: "MEMFS_QUOTA",
  spool: "MEMFS_SPOOL",
  spoolLimit: "MEMFS_SPOOL_LIMIT",
  codeCache: "MEMFS_CODE_CACHE"
};
var DEFAULT_PASS_THROUGH = [
  "node_modules/",
  "coverage/",
  ".nyc_output/",
  "junit*.xml",
  "test-results/",
  "test-reports/"
];
var DEFAULT_TMP_PASS_THROUGH = [
  "./jest_*/",
  // jest's cacheDirectory (haste map, transforms): written even with --no-cache
  "./node-compile-cache/",
  // module.enableCompileCache()'s default folder (Node ≥ 22.1)
  "./tsx-*/",
  // tsx's transform cache
  "./v8-compile-cache*/"
  // the v8-compile-cache package (eslint, older yarn)
];
var VITEST_MAIN_TMP_PASS_THROUGH = [`./${"?".repeat(21)}/`];
var DEFAULT_QUOTA_BYTES = 1024 ** 3;
var ConfigError = class extends Error {
  constructor(variable, problem) {
    super(`memfs-action: ${variable}: ${problem}`);
    this.variable = variable;
    this.problem = problem;
    this.name = "ConfigError";
  }
  variable;
  problem;
};
var thisMachine = {
  cwd: () => process.cwd(),
  tmpdir,
  // One system call: the native realpath (the JS one lstats every component), of the path with a trailing slash,
  // which the kernel resolves only to a directory (ENOTDIR otherwise) — no Stats to build at every start.
  realDirectory: (p) => realpathSync.native(p.endsWith("/") ? p : `${p}/`),
  // node_modules/.bin/vitest, or node_modules/vitest/vitest.mjs as pnpm and `node …` start it.
  isVitestMain() {
    const script = (process.argv[1] ?? "").replaceAll("\\", "/");
    return (script.endsWith("/.bin/vitest") || script.endsWith("/vitest/vitest.mjs")) && currentThread().isMainThread;
  }
};
function readConfig(env, system) {
  if (readSwitch(env, ENV.disable, false)) return { disabled: true };
  checkCodeCache(env);
  const roots = readRoots(env, system);
  let tmpdir2 = system.tmpdir();
  try {
    tmpdir2 = system.realDirectory(tmpdir2);
  } catch {
  }
  const spoolDir = readSpool(env, system);
  const patterns = new PatternSet();
  if (readSwitch(env, ENV.passThroughDefaults, true)) {
    for (const root of roots) for (const p of DEFAULT_PASS_THROUGH) patterns.add(p, root);
    for (const p of DEFAULT_TMP_PASS_THROUGH) patterns.add(p, tmpdir2);
    if (spoolDir === void 0 && system.isVitestMain()) for (const p of VITEST_MAIN_TMP_PASS_THROUGH) patterns.add(p, tmpdir2);
  }
  for (const entry of listOf(env[ENV.passThrough], ENV.passThrough)) {
    if (entry.includes("\0")) throw new ConfigError(ENV.passThrough, `${JSON.stringify(entry)} contains a NUL byte.`);
    if (isAbsolute(entry)) patterns.add(entry, "/");
    else for (const root of roots) patterns.add(entry, root);
  }
  if (spoolDir !== void 0) patterns.add(escapeGlob(spoolDir), "/");
  const passThrough = patterns.globs();
  const quotaBytes = readSize(env, ENV.quota, DEFAULT_QUOTA_BYTES);
  return { disabled: false, config: { roots, passThrough, quotaBytes, spoolDir, spoolLimitBytes: readSize(env, ENV.spoolLimit, void 0) } };
}
function configToEnv(o) {
  const env = { [ENV.roots]: encodeList(o.roots, delimiter) };
  if (o.passThrough?.length) env[ENV.passThrough] = encodeList(o.passThrough, "\n");
  if (o.passThroughDefaults === false) env[ENV.passThroughDefaults] = "off";
  if (o.quotaBytes !== void 0) env[ENV.quota] = String(o.quotaBytes);
  else if ("quotaBytes" in o) env[ENV.quota] = "unlimited";
  if (o.spoolDir !== void 0) env[ENV.spool] = o.spoolDir;
  if (o.spoolLimitBytes !== void 0) env[ENV.spoolLimit] = String(o.spoolLimitBytes);
  return env;
}
function readRoots(env, system) {
  const listed = listOf(env[ENV.roots], ENV.roots);
  if (listed.length === 0) {
    let cwd;
    try {
      cwd = system.cwd();
    } catch (error) {
      const code = error.code ?? error.message;
      throw new ConfigError(ENV.roots, `unset, and the working directory, its default, cannot be read (${code}).`);
    }
    const tmpdir2 = system.tmpdir();
    return unique([
      ...withAlias(cwd, realDirectoryOf(system, ENV.roots, cwd, `unset, and its default the working directory "${cwd}"`)),
      ...withAlias(tmpdir2, realDirectoryOf(system, ENV.roots, tmpdir2, `unset, and its default the temp dir "${tmpdir2}" (TMPDIR)`))
    ]);
  }
  return unique(
    listed.flatMap((root) => {
      if (!isAbsolute(root)) {
        throw new ConfigError(ENV.roots, `"${root}" is not an absolute path; every root must be absolute.`);
      }
      if (root === "/" || resolve(root) === "/") {
        throw new ConfigError(ENV.roots, `"/" cannot be a root: Node itself and every tool would run from memory.`);
      }
      return withAlias(root, realDirectoryOf(system, ENV.roots, root, `"${root}"`));
    })
  );
}
function withAlias(given, real) {
  const literal = resolve(given);
  return literal === real ? [real] : [real, literal];
}
function readSpool(env, system) {
  const spool = env[ENV.spool]?.trim();
  if (!spool) return void 0;
  if (!isAbsolute(spool)) throw new ConfigError(ENV.spool, `"${spool}" is not an absolute path.`);
  return realDirectoryOf(system, ENV.spool, spool, `"${spool}"`);
}
function checkCodeCache(env) {
  const raw = env[ENV.codeCache]?.trim();
  if (!raw || OFF.includes(raw.toLowerCase()) || isAbsolute(raw)) return;
  throw new ConfigError(ENV.codeCache, `"${raw}" is neither an absolute folder nor "off".`);
}
var SIZE = /^(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?$/i;
var UNIT = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
function readSize(env, variable, byDefault) {
  const raw = env[variable]?.trim();
  if (!raw) return byDefault;
  if (/^(unlimited|none)$/i.test(raw)) return void 0;
  const match = SIZE.exec(raw);
  if (!match) {
    throw new ConfigError(
      variable,
      `"${raw}" is not a size. Use bytes with an optional k, m, g or t suffix (powers of 1024, e.g. 512m or 2g), or "unlimited".`
    );
  }
  const bytes = Math.floor(Number(match[1]) * (match[2] ? UNIT[match[2].toLowerCase()] : 1));
  if (bytes < 1) throw new ConfigError(variable, `"${raw}" leaves no room for any write; use "unlimited" for no limit.`);
  if (!Number.isSafeInteger(bytes)) throw new ConfigError(variable, `"${raw}" is too large; use "unlimited".`);
  return bytes;
}
var OFF = ["0", "false", "off", "no"];
function readSwitch(env, variable, byDefault) {
  const raw = env[variable]?.trim().toLowerCase();
  if (!raw) return byDefault;
  if (["1", "true", "on", "yes"].includes(raw)) return true;
  if (OFF.includes(raw)) return false;
  throw new ConfigError(variable, `"${env[variable]}" is not a switch; use 1/true/on or 0/false/off.`);
}
function realDirectoryOf(system, variable, p, what) {
  try {
    return system.realDirectory(p);
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a directory" : `cannot be used (${code ?? error.message})`;
    throw new ConfigError(variable, `${what} ${why}.`);
  }
}
function encodeList(entries, separator) {
  const plain2 = entries.every((entry) => !entry.includes(delimiter) && !entry.includes("\n") && !entry.startsWith("["));
  return plain2 ? entries.join(separator) : JSON.stringify(entries);
}
function listOf(raw, variable) {
  if (!raw) return [];
  if (raw.trimStart().startsWith("[")) return jsonList(raw, variable);
  return raw.split("\n").flatMap((line) => line.split(delimiter)).map((entry) => entry.trim()).filter((entry) => entry !== "");
}
var PatternSet = class {
  anyDepth = /* @__PURE__ */ new Map();
  anchored = /* @__PURE__ */ new Map();
  add(pattern, base) {
    const bare = withoutTrailingSlashes(pattern);
    if (isAbsolute(bare)) return this.put(this.anchored, "", bare);
    if (bare.includes("/")) this.put(this.anchored, escapeGlob(base), bare.startsWith("./") ? bare.slice(2) : bare);
    else this.put(this.anyDepth, escapeGlob(base), bare);
  }
  globs() {
    const out = [];
    for (const [base, names] of this.anyDepth) out.push(posix.join(base, "**", alternatives(names)));
    for (const [base, rests] of this.anchored) {
      if (base === "") out.push(...rests);
      else out.push(posix.join(base, alternatives(rests)));
    }
    return out;
  }
  put(map, base, rest) {
    let set = map.get(base);
    if (set === void 0) map.set(base, set = /* @__PURE__ */ new Set());
    set.add(rest);
  }
};
function alternatives(items) {
  return items.size === 1 ? [...items][0] : `{${[...items].join(",")}}`;
}
var GLOB_SYNTAX = "*?[]{}()!+@\\";
function escapeGlob(literal) {
  let escaped = "";
  for (const char of literal) escaped += GLOB_SYNTAX.includes(char) ? `\\${char}` : char;
  return escaped;
}
function jsonList(raw, variable) {
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = void 0;
  }
  if (!Array.isArray(parsed) || !parsed.every((entry) => typeof entry === "string")) {
    throw new ConfigError(variable, 'starts with "[" but is not a JSON array of strings; give a list separated by newlines or ":", or a JSON array such as ["/work/a:b"].');
  }
  return parsed.map((entry) => entry.trim()).filter((entry) => entry !== "");
}
function unique(items) {
  return [...new Set(items)];
}

// src/changes/secret-files.ts
var SECRET_FILE_PATTERNS = [
  // environment files of dotenv, direnv and the like
  ".env",
  ".env.*",
  ".envrc",
  // private keys and keystores
  "*.pem",
  "*.key",
  "*.p12",
  "*.pfx",
  "*.jks",
  "*.keystore",
  "*.ppk",
  "id_rsa*",
  "id_dsa*",
  "id_ecdsa*",
  "id_ed25519*",
  // package registries and version control
  ".npmrc",
  ".yarnrc.yml",
  ".pypirc",
  "**/.gem/credentials",
  ".git-credentials",
  ".netrc",
  "_netrc",
  "**/gh/hosts.yml",
  // clouds, containers, databases
  "credentials.json",
  "**/.aws/credentials",
  "**/.aws/config",
  "**/.docker/config.json",
  "**/.kube/config",
  "**/gcloud/application_default_credentials.json",
  ".pgpass",
  ".vault-token"
];
function exportExclusions(userPatterns, includeSecretFiles) {
  return [.../* @__PURE__ */ new Set([...includeSecretFiles ? [] : SECRET_FILE_PATTERNS, ...userPatterns])];
}

// src/node/routing.ts
var import_picomatch = __toESM(require_picomatch2(), 1);

// src/platform/builtins.ts
import { createRequire } from "node:module";
var loadBuiltin = process.getBuiltinModule ?? createRequire("/");
var fs = loadBuiltin("node:fs");
var path = loadBuiltin("node:path");

// src/platform/proc-links.ts
function ownWorkingDirectoryLink(realPath, cwd) {
  if (!realPath.startsWith("/proc/") || !realPath.endsWith("/cwd")) return void 0;
  const match = /^\/proc\/(\d+)(?:\/task\/\d+)?\/cwd$/.exec(realPath);
  return match && Number(match[1]) === process.pid ? cwd() : void 0;
}

// src/node/disk-location.ts
function isVolatile(absPath) {
  return absPath.startsWith("/proc/") || absPath.startsWith("/dev/");
}

// src/node/glob-literals.ts
function isPlain(code) {
  return code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 47 || code === 46 || code === 45 || code === 95;
}
var CLOSING = { "(": ")", "{": "}" };
function groupEnd(glob, start) {
  const stack = [CLOSING[glob[start]]];
  for (let i = start + 1; i < glob.length; i++) {
    const char = glob[i];
    if (char === "\\") i++;
    else if (char in CLOSING) stack.push(CLOSING[char]);
    else if (char === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return -1;
}
function simpleAlternatives(body) {
  if (body.includes("..")) return void 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (!isPlain(code) && code !== 44 && code !== 42 && code !== 63) return void 0;
  }
  return body.split(",");
}
function runsOf(glob) {
  const runs = [];
  let run = "";
  const end = () => {
    if (run !== "") runs.push(run);
    run = "";
  };
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === "*" && glob[i + 1] === "*") {
      if (run.endsWith("/")) run = run.slice(0, -1);
      end();
      while (glob[i + 1] === "*") i++;
      if (glob[i + 1] === "/") i++;
    } else if (char === "[") {
      end();
      return runs;
    } else if (char in CLOSING) {
      end();
      const close = groupEnd(glob, i);
      if (close === -1) return runs;
      i = close;
    } else if (char === "\\") {
      end();
      i++;
    } else if (isPlain(glob.charCodeAt(i))) run += char;
    else end();
  }
  if (run.endsWith("/")) run = run.slice(0, -1);
  end();
  return runs;
}
function expandBraces(glob, limit) {
  if (glob.includes("[")) return [glob];
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === "\\") {
      i++;
      continue;
    }
    if (char !== "{") continue;
    const close = groupEnd(glob, i);
    if (close === -1) return [glob];
    const alternatives2 = simpleAlternatives(glob.slice(i + 1, close));
    if (alternatives2 === void 0) {
      i = close;
      continue;
    }
    const out = [];
    for (const alternative of alternatives2) {
      const expanded = expandBraces(glob.slice(0, i) + alternative + glob.slice(close + 1), limit - out.length);
      if (expanded === void 0) return void 0;
      out.push(...expanded);
      if (out.length > limit) return void 0;
    }
    return out;
  }
  return [glob];
}
function necessaryLiterals(globs) {
  const out = [];
  for (const glob of globs) {
    if (glob.startsWith("!")) return void 0;
    const alternatives2 = expandBraces(glob, 64);
    if (alternatives2 === void 0) return void 0;
    for (const alternative of alternatives2) out.push(runsOf(alternative).reverse());
  }
  const seen = /* @__PURE__ */ new Set();
  return out.filter((runs) => {
    const key = runs.join("\0");
    return !seen.has(key) && seen.add(key) !== void 0;
  });
}
function mayMatch(literals, path15) {
  outer: for (const runs of literals) {
    for (const run of runs) if (!path15.includes(run)) continue outer;
    return true;
  }
  return false;
}

// src/node/path-router.ts
var GLOB_CHARS = "*?[]{}()!";
function isGlob(entry) {
  for (const char of entry) if (GLOB_CHARS.includes(char)) return true;
  return false;
}
function underPrefix(absPath, prefix) {
  return absPath === prefix || absPath.startsWith(prefix) && (prefix.endsWith("/") || absPath.charCodeAt(prefix.length) === 47);
}
function createPathRouter(o, compileGlobs) {
  const roots = o.roots.map((r) => path.resolve(r));
  const prefixes = [];
  const globs = [];
  for (const entry of o.passThrough) {
    if (isGlob(entry)) globs.push(entry);
    else prefixes.push(path.resolve(entry));
  }
  const allGlobs = globs.flatMap((g) => [g, `${g.replace(/\/+$/, "")}/**`]);
  let literals = null;
  let compiled;
  const matchGlob = (absPath) => {
    if (globs.length === 0) return false;
    if (literals === null) literals = necessaryLiterals(allGlobs);
    if (literals !== void 0 && !mayMatch(literals, absPath)) return false;
    compiled ??= compileGlobs(allGlobs);
    return compiled(absPath);
  };
  const passedThrough = (absPath) => {
    for (const prefix of prefixes) if (underPrefix(absPath, prefix)) return true;
    return matchGlob(absPath);
  };
  const ownsAsSpelt = (absPath) => {
    let inRoot = false;
    for (const root of roots) {
      if (underPrefix(absPath, root)) {
        inRoot = true;
        break;
      }
    }
    return inRoot && !passedThrough(absPath);
  };
  const { locate } = o;
  const decide = (absPath, spelt, followLast) => {
    if (ownsAsSpelt(absPath)) return true;
    if (locate === void 0) return false;
    const real = locate.locate(spelt ?? absPath, followLast);
    return real !== absPath && ownsAsSpelt(real);
  };
  const remembered = (followLast) => {
    const recent = /* @__PURE__ */ new Map();
    const owns = (absPath, spelt) => {
      const key = spelt ?? absPath;
      let answer = recent.get(key);
      if (answer === void 0) {
        answer = decide(absPath, spelt, followLast);
        if (isVolatile(absPath)) return answer;
        if (recent.size >= 4096) recent.clear();
        recent.set(key, answer);
      }
      return answer;
    };
    return { owns, forget: () => recent.clear() };
  };
  const following = remembered(true);
  const notFollowing = remembered(false);
  return {
    owns: following.owns,
    ownsLink: notFollowing.owns,
    forget() {
      if (locate === void 0) return;
      locate.forget();
      following.forget();
      notFollowing.forget();
    }
  };
}

// src/node/routing.ts
function createRouter(o) {
  return createPathRouter(o, (globs) => (0, import_picomatch.default)(globs, { dot: true }));
}

// src/frontend/whole-root.ts
import { delimiter as delimiter2 } from "node:path";
var probes = [
  ["0q", "Zx.y", "_", ".h", "~-"],
  ["0q/Zx.y", "_/.h", ".h/_", "Zx.y/0q", "~-/~-"]
];
function rootCoveredBy(pattern, roots, system) {
  const result = readConfig(
    { [ENV.roots]: encodeList(roots, delimiter2), [ENV.passThrough]: encodeList([pattern], "\n"), [ENV.passThroughDefaults]: "off" },
    system
  );
  if (result.disabled) return void 0;
  const router = createRouter({ roots: result.config.roots, passThrough: result.config.passThrough });
  return result.config.roots.find((root) => {
    if (!router.owns(root)) return true;
    return probes.some((level) => level.every((name2) => !router.owns(`${root}/${name2}`)));
  });
}

// src/frontend/preload-variables.ts
var PREFIX = "MEMFS_";
var INHERITED = [ENV.codeCache];
function isInheritedPreloadVariable(name2) {
  return name2.startsWith(PREFIX) && !INHERITED.includes(name2);
}
function withoutInheritedPreloadVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([name2]) => !isInheritedPreloadVariable(name2)));
}
function preloadProblems(env, system = thisMachine) {
  const problems = [];
  const trial = { ...env };
  for (let attempt = 0; attempt <= Object.keys(ENV).length; attempt++) {
    try {
      const result = readConfig(trial, system);
      if (!result.disabled) {
        for (const pattern of listOf(trial[ENV.passThrough], ENV.passThrough)) {
          const root = rootCoveredBy(pattern, result.config.roots, system);
          if (root !== void 0) {
            problems.push({
              variable: ENV.passThrough,
              problem: `"${pattern}" would send every write under the root ${root} to the real disk, so nothing would stay in memory; name the folders or files that must reach the disk (e.g. dist/ or coverage/).`
            });
          }
        }
      }
      return problems;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push({ variable: error.variable, problem: error.problem });
      delete trial[error.variable];
    }
  }
  return problems;
}

// src/cli/out-dir.ts
import fs2 from "node:fs";
import path2 from "node:path";
var exportParts = ["files", "transient", "manifest.json", "summary.md"];
function checkOutDir(outDir, o) {
  const stat = lstatIfAny(outDir);
  const kept = o.keep.find((folder) => folder === outDir || folder.startsWith(outDir.endsWith("/") ? outDir : `${outDir}/`));
  if (kept !== void 0) {
    const what = kept === outDir ? "is the working directory or a root of the run" : `holds ${kept}, the working directory or a root of the run`;
    return { problem: `${outDir} ${what}; give the export a folder of its own, e.g. --out ./memfs-report` };
  }
  if (stat === void 0) {
    const blocked = firstExistingAncestor(outDir);
    if (blocked !== void 0 && !fs2.statSync(blocked).isDirectory()) return { problem: `${blocked} is a file, so ${outDir} cannot be made; choose another --out` };
    return { path: outDir };
  }
  if (stat.isSymbolicLink()) return { problem: `${outDir} is a symbolic link (to ${fs2.readlinkSync(outDir)}); give a real folder as --out` };
  if (!stat.isDirectory()) return { problem: `${outDir} is a file, not a folder; an export never replaces a file: choose another --out` };
  const names = fs2.readdirSync(outDir);
  const replaces = { dev: stat.dev, ino: stat.ino };
  if (names.length === 0 || isEarlierExport(outDir, names)) return { path: outDir, replaces };
  if (o.force) return { path: outDir, replaces };
  return {
    problem: `${outDir} is not empty and holds no earlier memfs-action export; choose a new or empty folder, or add --force to replace it (its content is deleted)`
  };
}
function isEarlierExport(folder, names = fs2.readdirSync(folder)) {
  if (!names.includes("manifest.json") || names.some((name2) => !exportParts.includes(name2))) return false;
  try {
    return JSON.parse(fs2.readFileSync(path2.join(folder, "manifest.json"), "utf8"))?.generator === "memfs-action";
  } catch {
    return false;
  }
}
function lstatIfAny(target) {
  try {
    return fs2.lstatSync(target, { throwIfNoEntry: false });
  } catch (error) {
    if (error.code === "ENOTDIR") return void 0;
    throw error;
  }
}
function firstExistingAncestor(target) {
  for (let folder = path2.dirname(target); ; folder = path2.dirname(folder)) {
    if (lstatIfAny(folder) !== void 0) return folder;
    if (folder === path2.dirname(folder)) return void 0;
  }
}
function makeStaging(plan) {
  const parent = path2.dirname(plan.path);
  fs2.mkdirSync(parent, { recursive: true });
  return fs2.mkdtempSync(path2.join(parent, `.${path2.basename(plan.path)}.memfs-`));
}
function publish(staging, plan) {
  if (tryRename(staging, plan.path)) return { dir: plan.path };
  if (plan.replaces !== void 0) {
    const aside = `${staging}.old`;
    if (tryRename(plan.path, aside)) {
      const taken = fs2.lstatSync(aside);
      if (taken.dev === plan.replaces.dev && taken.ino === plan.replaces.ino) {
        const placed = tryRename(staging, plan.path);
        fs2.rmSync(aside, { recursive: true, force: true });
        if (placed) return { dir: plan.path };
      } else if (!tryRename(aside, plan.path)) {
        besideOut(aside, plan.path);
      }
    } else if (tryRename(staging, plan.path)) {
      return { dir: plan.path };
    }
  }
  const dir = besideOut(staging, plan.path);
  return { dir, note: `${plan.path} was written by another run meanwhile, so this run's export is in ${dir}` };
}
function besideOut(folder, outDir) {
  for (let n = 2; ; n++) {
    const candidate = `${outDir}-${n}`;
    if (fs2.lstatSync(candidate, { throwIfNoEntry: false }) === void 0 && tryRename(folder, candidate)) return candidate;
    if (n > 1e4) throw new Error(`no free name beside ${outDir} for the export; it is in ${folder}`);
  }
}
function tryRename(from, to) {
  try {
    fs2.renameSync(from, to);
    return true;
  } catch (error) {
    const code = error.code;
    if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR" || code === "EISDIR" || code === "ENOENT") return false;
    throw error;
  }
}

// src/kernel/engine-choice.ts
import path4 from "node:path";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";

// src/kernel/ways-in.ts
import { spawnSync } from "node:child_process";
import fs3 from "node:fs";
import path3 from "node:path";
function currentCaller() {
  return { uid: process.getuid(), gid: process.getgid(), groups: process.getgroups() };
}
var wayLabels = {
  root: "as root with CAP_SYS_ADMIN",
  "user-namespace": "through an unprivileged user namespace",
  sudo: "through passwordless sudo"
};
function waysFor(caller) {
  return caller.uid === 0 ? ["root", "user-namespace"] : ["user-namespace", "sudo"];
}
function namespaceCommand(way, programs, planFile) {
  return inNamespace(way, programs, [programs.node, programs.launcher, planFile]);
}
function inNamespace(way, programs, launch) {
  const namespaces = ["--mount", "--propagation", "private", "--pid", "--fork", "--kill-child", "--mount-proc"];
  if (way === "root") return [programs.unshare, ...namespaces, "--", ...launch];
  if (way === "user-namespace") return [programs.unshare, "--user", "--map-root-user", ...namespaces, "--", ...launch];
  return [programs.sudo ?? "sudo", "--non-interactive", "--", programs.unshare, ...namespaces, "--", ...launch];
}
function wayDetails(way, caller) {
  const overlayOptions = way === "user-namespace" ? ",userxattr" : ",redirect_dir=off,metacopy=off";
  const drop = way === "root" ? { how: "none" } : way === "user-namespace" ? { how: "user-namespace", uid: caller.uid, gid: caller.gid } : { how: "setpriv", uid: caller.uid, gid: caller.gid, groups: caller.groups };
  return { drop, overlayOptions, owner: way === "sudo" ? { uid: caller.uid, gid: caller.gid } : void 0 };
}
function probeWaysIn(programs, caller, workDir, env = process.env) {
  const attempts = [];
  for (const way of waysFor(caller)) {
    const attempt = probeWay(way, programs, caller, workDir, env);
    attempts.push(attempt);
    if (attempt.ok) break;
  }
  return attempts;
}
var probeScript = [
  "set -e",
  'mount -t tmpfs -o mode=0700,size=1048576 memfs-kernel "$1"',
  'mkdir "$1/l" "$1/u" "$1/w"',
  'mount --bind "$2" "$1/l"',
  'mount -t overlay memfs-overlay -o "lowerdir=$1/l,upperdir=$1/u,workdir=$1/w$3" "$2"',
  "shift 3",
  '"$@" /bin/sh -c "exit 0" || { echo "the command could not be run back as the caller ($*)" >&2; exit 1; }'
].join("\n");
function probeWay(way, programs, caller, workDir, env) {
  if (way === "sudo" && programs.sudo === void 0) return { way, ok: false, reason: "sudo is not installed" };
  const scratch2 = fs3.mkdtempSync(path3.join(workDir, `probe-${way}-`));
  const stagingDir = path3.join(scratch2, "staging");
  const probeDir = path3.join(scratch2, "root");
  fs3.mkdirSync(stagingDir);
  fs3.mkdirSync(probeDir);
  const details = wayDetails(way, caller);
  const drop = details.drop.how === "none" ? [] : details.drop.how === "user-namespace" ? [programs.unshare, "--user", `--map-user=${details.drop.uid}`, `--map-group=${details.drop.gid}`, "--"] : [programs.setpriv, `--reuid=${details.drop.uid}`, `--regid=${details.drop.gid}`, details.drop.groups.length > 0 ? `--groups=${details.drop.groups.join(",")}` : "--clear-groups", "--"];
  const argv = inNamespace(way, programs, ["/bin/sh", "-c", probeScript, "probe", stagingDir, probeDir, details.overlayOptions, ...drop]);
  const [program, ...args] = argv;
  const result = spawnSync(program, args, { encoding: "utf8", env: { ...env, PATH: `${path3.dirname(programs.mount)}:${env.PATH ?? "/usr/bin:/bin"}` }, timeout: 2e4, stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) return { way, ok: false, reason: `${path3.basename(program)}: ${result.error.message}` };
  if (result.status === 0) return { way, ok: true };
  const said = `${result.stderr}`.trim().split("\n").filter(Boolean).slice(-1)[0] ?? `exit code ${result.status ?? result.signal}`;
  return { way, ok: false, reason: said };
}
function findProgram(name2, env = process.env) {
  const dirs = [...(env.PATH ?? "").split(":").filter(Boolean), "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
  for (const dir of dirs) {
    const candidate = path3.join(dir, name2);
    try {
      fs3.accessSync(candidate, fs3.constants.X_OK);
      if (fs3.statSync(candidate).isFile()) return candidate;
    } catch {
    }
  }
  return void 0;
}

// src/kernel/engine-choice.ts
var engineRequests = ["preload", "kernel", "auto"];
var KernelEngineUnavailable = class extends Error {
  constructor(whyNot) {
    super(`the kernel's overlay cannot be set up here: ${whyNot}`);
    this.whyNot = whyNot;
  }
  whyNot;
  name = "KernelEngineUnavailable";
};
function chooseEngine(request, context) {
  if (request === "preload") return { engine: "preload", why: "the default engine" };
  const found = kernelEngineOrWhyNot(context);
  if ("way" in found) {
    const how = `${request === "auto" ? "auto chose the kernel engine" : "kernel engine"}: overlayfs on a tmpfs in a private mount namespace, entered ${wayLabels[found.way]}`;
    return { engine: "kernel", way: found.way, programs: found.programs, caller: found.caller, why: how };
  }
  if (request === "kernel") throw new KernelEngineUnavailable(found.whyNot);
  return { engine: "preload", why: `auto chose the preload engine: the kernel's overlay cannot be set up here (${found.whyNot})` };
}
function kernelEngineOrWhyNot(context) {
  if (process.platform !== "linux") return { whyNot: `overlayfs in a mount namespace is Linux only (this is ${process.platform})` };
  const env = context.env ?? process.env;
  const missing = [];
  const need = (name2) => {
    const found = findProgram(name2, env);
    if (found === void 0) missing.push(name2);
    return found ?? name2;
  };
  const programs = {
    node: process.execPath,
    launcher: findKernelLauncher(),
    recorder: findRecorder(),
    mount: need("mount"),
    unshare: need("unshare"),
    setpriv: need("setpriv"),
    sudo: findProgram("sudo", env)
  };
  if (missing.length > 0) return { whyNot: `${missing.join(", ")} not found on PATH (util-linux)` };
  const spoolRoot = context.roots.find((root) => context.spoolDir === root || context.spoolDir.startsWith(root + "/"));
  if (spoolRoot !== void 0) return { whyNot: `the spool ${context.spoolDir} lies inside the root ${spoolRoot} (no room in /dev/shm?)` };
  const caller = currentCaller();
  const attempts = probeWaysIn(programs, caller, context.spoolDir, env);
  const working = attempts.find((a) => a.ok);
  if (working) return { way: working.way, programs, caller };
  return { whyNot: describeAttempts(attempts) };
}
function describeAttempts(attempts) {
  return attempts.map((a) => `entering ${wayLabels[a.way]}: ${a.ok ? "works" : a.reason ?? "failed"}`).join("; ");
}
function findKernelLauncher(moduleUrl = import.meta.url) {
  const candidates = [new URL("./kernel-launcher.mjs", moduleUrl), new URL("../../dist/kernel-launcher.mjs", moduleUrl)].map((u) => fileURLToPath(u));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`kernel-launcher.mjs was not found next to the CLI (${path4.dirname(candidates[0])}); rebuild with "npm run build".`);
  return found;
}
function findRecorder(moduleUrl = import.meta.url) {
  return [new URL("./recorder.cjs", moduleUrl), new URL("../../dist/recorder.cjs", moduleUrl)].map((u) => fileURLToPath(u)).find((p) => existsSync(p));
}

// src/cli/options.ts
var exportWhens = ["on-failure", "always", "never"];
var UsageError = class extends Error {
  name = "UsageError";
};
var usage = `Usage: memfs-action run [options] -- <command> [args\u2026]
       memfs-action --version | --help

Runs <command> with every Node process it starts writing to an in-memory copy-on-write overlay: the real disk
stays exactly as it was. When the command fails, what it changed is exported to a folder and summarised.
One argument after -- runs through the shell ("npm test && npm run lint"); several run as a program and its
arguments. The exit code is the command's (130 after Ctrl-C, 128+N when a signal N ended it).

Options:
  --out DIR             Folder for the export (files/, transient/, manifest.json, summary.md).
                        Default: ./memfs-report. It must be new, empty or hold an earlier export (which
                        is replaced); checked before the command runs. A run that finds it taken by
                        another run meanwhile exports beside it (DIR-2, \u2026).
  --force               Let the export replace a folder --out names even when it holds other files
                        (they are deleted). Never a file, a link, or a folder holding a root.
  --root PATH           A folder whose writes stay in memory. Repeat for several. Default: the working
                        directory and the temp dir.
  --pass-through GLOB   A path or glob that stays on the real disk (relative: below every root; no slash:
                        at any depth). Repeat for several. Added to the defaults (node_modules/, coverage/, \u2026).
  --export WHEN         on-failure (default), always, or never.
  --exclude GLOB        Never export the content of matching files (still listed in the manifest).
                        Relative to a root; no slash: at any depth. Repeat for several. Added to the
                        secret files never exported by default (.env*, *.pem, *.key, id_rsa*, .npmrc,
                        .netrc, .git-credentials, .aws/credentials, \u2026 see docs/configuration.md).
  --include-secret-files
                        Export the content of those secret files too.
  --no-transient        Do not keep the content of files made and removed during the run.
  --quota SIZE          Memory the overlay may hold per process, e.g. 512m, 2g, or unlimited. Default: 1g.
                        A write beyond it fails with ENOSPC.
  --spool-limit SIZE    What the journals of all processes together may hold, e.g. 2g. Default: no cap,
                        but at least max(256m, 5 %) of the spool's filesystem (RAM for /dev/shm) stays free.
                        A write beyond it fails with ENOSPC.
  --engine ENGINE       preload (default): the overlay lives in every Node process; kernel: Linux's
                        overlayfs on a tmpfs in a private mount namespace, for every program of the command
                        (root, a user namespace or passwordless sudo); auto: kernel where it can be set up,
                        else preload. See docs/kernel-engine.md.
  -h, --help            Show this help.
  --version             Print the version.

Exit codes: the command's; 2 for a usage error (nothing was run).

Example: memfs-action run -- npm test
`;
function parseInvocation(argv, cwd = process.cwd(), callerEnv = process.env) {
  const [subcommand, ...rest] = argv;
  if (subcommand === void 0) throw new UsageError("no command given; write memfs-action run -- <command>, e.g. memfs-action run -- npm test (see --help).");
  if (subcommand === "-h" || subcommand === "--help" || subcommand === "help") return { kind: "help" };
  if (subcommand === "--version" || subcommand === "-v" || subcommand === "version") return { kind: "version" };
  if (subcommand !== "run") throw new UsageError(`unknown command "${subcommand}"; the only command is "run" (see --help).`);
  const separator = rest.indexOf("--");
  const ours = separator === -1 ? rest : rest.slice(0, separator);
  let parsed;
  try {
    parsed = parseArgs({
      args: ours,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string" },
        root: { type: "string", multiple: true },
        "pass-through": { type: "string", multiple: true },
        export: { type: "string" },
        exclude: { type: "string", multiple: true },
        "no-transient": { type: "boolean" },
        "include-secret-files": { type: "boolean" },
        quota: { type: "string" },
        "spool-limit": { type: "string" },
        force: { type: "boolean" },
        engine: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" }
      }
    });
  } catch (error) {
    const message = error.message.replace(/\. To specify a positional argument.*$/s, ".");
    throw new UsageError(`${message} Options go before "--", the command after it (see --help).`);
  }
  if (parsed.values.help) return { kind: "help" };
  if (parsed.values.version) return { kind: "version" };
  const command = separator === -1 ? parsed.positionals : [...parsed.positionals, ...rest.slice(separator + 1)];
  if (command.length === 0 || command[0] === "") throw new UsageError('no command given: write it after "--", e.g. memfs-action run -- npm test');
  const exportWhen = parsed.values.export ?? "on-failure";
  if (!exportWhens.includes(exportWhen)) {
    throw new UsageError(`--export: "${parsed.values.export}" is not one of ${exportWhens.join(", ")}.`);
  }
  const engine = parsed.values.engine ?? "preload";
  if (!engineRequests.includes(engine)) throw new UsageError(`--engine: "${parsed.values.engine}" is not one of ${engineRequests.join(", ")}.`);
  const outDir = path5.resolve(cwd, parsed.values.out ?? "memfs-report");
  if (parsed.values.out === "") throw new UsageError("--out: an empty path is not a folder; give a folder, e.g. --out ./memfs-report");
  const roots = labelRoots((parsed.values.root ?? []).map((root) => checkedRoot(root, cwd)), cwd);
  const passThrough = parsed.values["pass-through"] ?? [];
  for (const glob of passThrough) if (glob.trim() === "") throw new UsageError("--pass-through: an empty pattern matches nothing; remove it or give a path or glob.");
  const { spoolLimitBytes } = checkWithPreloadRules(roots, passThrough, parsed.values.quota, parsed.values["spool-limit"], callerEnv);
  const exclude = exportExclusions(parsed.values.exclude ?? [], parsed.values["include-secret-files"] === true);
  let outPlan;
  if (exportWhen !== "never") {
    const checked = checkOutDir(outDir, { force: parsed.values.force === true, keep: [...roots.map((r) => r.path), fs4.realpathSync(cwd), path5.resolve(cwd)] });
    if ("problem" in checked) throw new UsageError(`--out: ${checked.problem}.`);
    outPlan = checked;
  }
  return {
    kind: "run",
    options: {
      outDir,
      outPlan,
      roots,
      passThrough,
      exportWhen,
      quota: parsed.values.quota,
      spoolLimitBytes,
      exclude,
      includeTransient: !parsed.values["no-transient"],
      command,
      engine
    }
  };
}
function checkedRoot(root, cwd) {
  const absolute2 = path5.resolve(cwd, root);
  let real;
  try {
    real = fs4.realpathSync(absolute2);
  } catch {
    throw new UsageError(`--root: "${root}" does not exist; give an existing folder.`);
  }
  if (!fs4.statSync(real).isDirectory()) throw new UsageError(`--root: "${root}" is not a folder; give an existing folder.`);
  if (real === "/") throw new UsageError('--root: "/" cannot be a root (Node itself and every tool would run from memory); give a project or temp folder.');
  return real;
}
function checkWithPreloadRules(roots, passThrough, quota, spoolLimit, callerEnv) {
  const flagOf = {
    [ENV.quota]: "--quota",
    [ENV.spoolLimit]: "--spool-limit",
    [ENV.passThrough]: "--pass-through",
    [ENV.roots]: "--root",
    [ENV.codeCache]: `${ENV.codeCache} (from your environment; unset it or fix it)`
  };
  if (spoolLimit?.trim() === "") throw new UsageError("--spool-limit: an empty value is not a size; give one, e.g. 2g, or leave the flag out.");
  const env = {
    ...callerEnv[ENV.codeCache] !== void 0 ? { [ENV.codeCache]: callerEnv[ENV.codeCache] } : {},
    ...configToEnv({ roots: roots.map((r) => r.path), passThrough }),
    ...quota !== void 0 ? { [ENV.quota]: quota } : {},
    ...spoolLimit !== void 0 ? { [ENV.spoolLimit]: spoolLimit } : {}
  };
  const problems = preloadProblems(env).map(({ variable, problem }) => `${flagOf[variable] ?? variable}: ${problem}`);
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  const result = readConfig(env, thisMachine);
  return { spoolLimitBytes: result.disabled ? void 0 : result.config.spoolLimitBytes };
}
function realTempDir() {
  try {
    return fs4.realpathSync(os.tmpdir());
  } catch {
    return void 0;
  }
}
function labelRoots(paths, cwd) {
  const workspace = fs4.realpathSync(cwd);
  const temp = realTempDir();
  if (paths.length === 0 && temp === void 0) {
    throw new UsageError(`the temp dir "${os.tmpdir()}" (TMPDIR) does not exist, and it is a root by default: create it, set TMPDIR to an existing folder, or name the roots with --root.`);
  }
  const chosen = [...new Set(paths.length > 0 ? paths : [workspace, temp])];
  const used = /* @__PURE__ */ new Set();
  return chosen.map((p) => {
    const wanted = p === workspace ? "workspace" : p === temp ? "tmp" : path5.basename(p).replace(/[^\w.-]/g, "_") || "root";
    let label = wanted;
    for (let n = 2; used.has(label); n++) label = `${wanted}-${n}`;
    used.add(label);
    return { label, path: p };
  });
}

// src/cli/run.ts
import { spawn as spawn2 } from "node:child_process";
import fs13 from "node:fs";
import os3 from "node:os";

// src/changes/disk-check.ts
import path6 from "node:path";

// src/preload/code-cache-folders.ts
function absolute(value) {
  const trimmed = value?.trim();
  return trimmed?.startsWith("/") ? withoutTrailingSlashes(trimmed) : void 0;
}
function codeCacheFolders(env) {
  const chosen = env.MEMFS_CODE_CACHE?.trim();
  if (chosen) {
    if (["0", "false", "off", "no"].includes(chosen.toLowerCase())) return [];
    const folder = absolute(chosen);
    return folder === void 0 ? [] : [folder];
  }
  const folders = [];
  const home = absolute(env.HOME);
  const userCache = absolute(env.XDG_CACHE_HOME) ?? (home === void 0 ? void 0 : `${home === "/" ? "" : home}/.cache`);
  if (userCache !== void 0) folders.push(`${userCache === "/" ? "" : userCache}/memfs-action`);
  const spool = absolute(env.MEMFS_SPOOL);
  if (spool !== void 0) folders.push(spool);
  return folders;
}

// src/changes/disk-picture.ts
import { lstatSync, readdirSync, readlinkSync } from "node:fs";

// src/overlay/name-bytes.ts
import { Buffer as Buffer2, isUtf8 } from "node:buffer";
function isWellFormed(s) {
  return s.isWellFormed();
}
function sequenceLength(bytes, i) {
  const b0 = bytes[i];
  if (b0 < 128) return 1;
  const cont = (k, lo = 128, hi = 191) => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b0 >= 194 && b0 <= 223) return cont(1) ? 2 : 0;
  if (b0 === 224) return cont(1, 160) && cont(2) ? 3 : 0;
  if (b0 >= 225 && b0 <= 236 || b0 === 238 || b0 === 239) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 237) return cont(1, 128, 159) && cont(2) ? 3 : 0;
  if (b0 === 240) return cont(1, 144) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 241 && b0 <= 243) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 244) return cont(1, 128, 143) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
function bytesToName(bytes) {
  const buffer = Buffer2.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return buffer.toString("utf8");
  let out = "";
  let runStart = 0;
  let i = 0;
  while (i < buffer.length) {
    const n = sequenceLength(buffer, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += buffer.toString("utf8", runStart, i) + String.fromCharCode(56320 + buffer[i]);
    i += 1;
    runStart = i;
  }
  return out + buffer.toString("utf8", runStart);
}
function nameToBytes(name2) {
  if (isWellFormed(name2)) return Buffer2.from(name2, "utf8");
  const parts = [];
  let runStart = 0;
  for (let i = 0; i < name2.length; i++) {
    const unit = name2.charCodeAt(i);
    if (unit >= 55296 && unit <= 56319 && i + 1 < name2.length) {
      const next = name2.charCodeAt(i + 1);
      if (next >= 56320 && next <= 57343) {
        i++;
        continue;
      }
    }
    if (unit >= 56448 && unit <= 56575) {
      parts.push(Buffer2.from(name2.slice(runStart, i), "utf8"), Buffer2.of(unit - 56320));
      runStart = i + 1;
    }
  }
  parts.push(Buffer2.from(name2.slice(runStart), "utf8"));
  return Buffer2.concat(parts);
}
function nameByteLength(name2) {
  return isWellFormed(name2) ? Buffer2.byteLength(name2) : nameToBytes(name2).length;
}

// src/changes/disk-picture.ts
function takeDiskPicture(o) {
  const picture = { roots: /* @__PURE__ */ new Map(), unreadable: /* @__PURE__ */ new Map(), entries: 0 };
  const rootPaths = new Set(o.roots.map((r) => r.path));
  const skipped = (absPath) => rootPaths.has(absPath) || o.skip.some((folder) => isUnder(absPath, folder));
  for (const root of o.roots) {
    const entries = /* @__PURE__ */ new Map();
    picture.roots.set(root.label, entries);
    if (!o.owns(root.path) || o.skip.some((folder) => isUnder(root.path, folder))) continue;
    const folders = [""];
    while (folders.length > 0) {
      const folder = folders.pop();
      const folderPath = folder === "" ? root.path : `${root.path}/${folder}`;
      const names = readNames(folderPath, picture);
      if (names === void 0) continue;
      for (const name2 of names) {
        const relative = folder === "" ? name2 : [folder, name2].join("/");
        const absolute2 = `${root.path}/${relative}`;
        if (skipped(absolute2) || !o.owns(absolute2)) continue;
        const stats = statOf(absolute2, picture);
        if (stats === void 0) continue;
        entries.set(relative, fingerprint(stats, stats.isSymbolicLink() ? targetOf(absolute2) : void 0));
        if (stats.isDirectory()) folders.push(relative);
        if (++picture.entries >= o.maxEntries) {
          picture.stoppedAt = absolute2;
          return picture;
        }
      }
    }
  }
  return picture;
}
function fingerprint(stats, target) {
  const kind = stats.isFile() ? "f" : stats.isDirectory() ? "d" : stats.isSymbolicLink() ? "l" : "o";
  const mode = kind + (stats.mode & 0o7777n).toString(8);
  if (kind === "d") return [mode, stats.ino].join("|");
  return [mode, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs, target ?? ""].join("|");
}
function forKernel(absPath) {
  return isWellFormed(absPath) ? absPath : nameToBytes(absPath);
}
function readNames(folderPath, picture) {
  try {
    const names = readdirSync(forKernel(folderPath), "utf8");
    if (!names.some((name2) => name2.includes("\uFFFD"))) return names;
    return readdirSync(forKernel(folderPath), "buffer").map((bytes) => bytesToName(bytes));
  } catch (error) {
    noteUnreadable(picture, folderPath, error);
    return void 0;
  }
}
function statOf(absPath, picture) {
  try {
    return lstatSync(forKernel(absPath), { bigint: true, throwIfNoEntry: false });
  } catch (error) {
    noteUnreadable(picture, absPath, error);
    return void 0;
  }
}
function targetOf(absPath) {
  try {
    return bytesToName(readlinkSync(forKernel(absPath), "buffer"));
  } catch {
    return "";
  }
}
function noteUnreadable(picture, absPath, error) {
  const code = error.code;
  if (code === "ENOENT") return;
  picture.unreadable.set(absPath, code ?? error.message);
}
function isUnder(absPath, folder) {
  return absPath === folder || absPath.startsWith(folder) && (folder.endsWith("/") || absPath.charCodeAt(folder.length) === 47);
}

// src/changes/disk-diff.ts
function compareDiskPictures(before, after, roots) {
  const unreadable = new Map([...before.unreadable, ...after.unreadable]);
  const unknown = [...unreadable.keys()];
  const hidden = (absPath) => unknown.some((folder) => absPath !== folder && isUnder(absPath, folder));
  const changed = [];
  for (const root of roots) {
    const was = before.roots.get(root.label) ?? /* @__PURE__ */ new Map();
    const is = after.roots.get(root.label) ?? /* @__PURE__ */ new Map();
    const found = [];
    const note = (relativePath, change, print, earlier) => {
      const path15 = `${root.path}/${relativePath}`;
      if (hidden(path15)) return;
      found.push({ path: path15, root: root.label, relativePath, change, ...describe(print), ...earlier ? { differs: differences(earlier, print) } : {} });
    };
    for (const [relativePath, print] of is) {
      const earlier = was.get(relativePath);
      if (earlier === void 0) note(relativePath, "created", print);
      else if (earlier !== print) note(relativePath, "modified", print, earlier);
    }
    for (const [relativePath, print] of was) if (!is.has(relativePath)) note(relativePath, "deleted", print);
    found.sort((a, b) => a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0);
    for (const change of found) changed.push(change);
  }
  const check = { changed, unreadable: [...unreadable].map(([path15, reason]) => ({ path: path15, reason })) };
  const stoppedAt = before.stoppedAt ?? after.stoppedAt;
  if (stoppedAt !== void 0) {
    check.incomplete = `the roots hold more entries than the check walks (it stopped at ${stoppedAt}); what changed beyond is not known`;
  }
  return check;
}
function fieldsOf(print) {
  const parts = print.split("|");
  const fields = { kind: print.charAt(0), mode: parts[0].slice(1), inode: parts[1] };
  if (parts.length > 2) {
    fields.size = parts[2];
    fields.mtime = parts[3];
    fields.ctime = parts[4];
    fields.target = parts.slice(5).join("|");
  }
  return fields;
}
var kinds = { f: "file", d: "directory", l: "symlink", o: "other" };
function describe(print) {
  const fields = fieldsOf(print);
  const type = kinds[fields.kind] ?? "other";
  if (type === "file") return { type, size: Number(fields.size) };
  if (type === "symlink") return { type, target: fields.target ?? "" };
  return { type };
}
function differences(earlier, now) {
  const a = fieldsOf(earlier);
  const b = fieldsOf(now);
  if (a.kind !== b.kind) return ["type"];
  const differs = [];
  if (a.inode !== b.inode) differs.push("inode");
  if (a.mode !== b.mode) differs.push("mode");
  if (a.size !== b.size) differs.push("size");
  if (a.mtime !== b.mtime) differs.push("mtime");
  if (a.ctime !== b.ctime) differs.push("ctime");
  if (a.target !== b.target) differs.push("target");
  return differs;
}

// src/changes/disk-picture-file.ts
import { readFileSync, writeFileSync } from "node:fs";
var VERSION = 1;
function saveDiskPicture(file, picture) {
  const body = {
    version: VERSION,
    roots: [...picture.roots].map(([label, entries]) => [label, [...entries]]),
    unreadable: [...picture.unreadable],
    entries: picture.entries,
    ...picture.stoppedAt === void 0 ? {} : { stoppedAt: picture.stoppedAt }
  };
  writeFileSync(file, JSON.stringify(body), { mode: 384, flag: "wx" });
}

// src/changes/disk-check.ts
var maxDiskEntries = 1e6;
function startDiskCheck(setup, saveTo) {
  const check = prepare(setup);
  if ("finish" in check) return check;
  const before = takeDiskPicture(check.options);
  if (saveTo !== void 0) {
    try {
      saveDiskPicture(saveTo, before);
    } catch {
    }
  }
  return { finish: () => compareDiskPictures(before, takeDiskPicture(check.options), setup.roots) };
}
function prepare(setup) {
  let router;
  try {
    router = routerOf(setup.env);
  } catch (error) {
    const incomplete = `the roots could not be checked: ${error.message}`;
    return { finish: () => ({ changed: [], unreadable: [], incomplete }) };
  }
  return {
    options: {
      roots: setup.roots,
      owns: (absPath) => router.owns(absPath),
      // Where the preloaded processes write V8's code cache of the preload, on the disk on purpose.
      skip: [...setup.ownFolders, ...codeCacheFolders(setup.env)].map((folder) => path6.resolve(folder)),
      maxEntries: setup.maxEntries ?? maxDiskEntries
    }
  };
}
function routerOf(env) {
  const system = { ...thisMachine, tmpdir: () => tmpdirOf(env) };
  const result = readConfig({ ...env, [ENV.disable]: void 0 }, system);
  if (result.disabled) throw new Error("the preload is disabled");
  return createRouter({ roots: result.config.roots, passThrough: result.config.passThrough });
}
function tmpdirOf(env) {
  const dir = env.TMPDIR || env.TMP || env.TEMP || "/tmp";
  return dir.length > 1 && dir.endsWith("/") ? dir.slice(0, -1) : dir;
}

// src/changes/export.ts
var import_picomatch2 = __toESM(require_picomatch2(), 1);
import fs5 from "node:fs";
import path8 from "node:path";

// src/changes/tests-of-run.ts
function testsOfRun(cs) {
  const byKey = /* @__PURE__ */ new Map();
  for (const change of cs.changes) {
    for (const index of change.writers ?? []) {
      const writer2 = cs.writers[index];
      if (writer2?.test === void 0) continue;
      const key = `${writer2.pid}\0${writer2.testFile ?? ""}\0${writer2.test}`;
      let test = byKey.get(key);
      if (test === void 0) {
        test = { name: writer2.test, pid: writer2.pid, paths: [] };
        if (writer2.testFile !== void 0) test.testFile = writer2.testFile;
        byKey.set(key, test);
      }
      if (writer2.testOutcome === "failed" || writer2.testOutcome === "passed" && test.outcome === void 0) test.outcome = writer2.testOutcome;
      if (test.paths.at(-1) !== change.path) test.paths.push(change.path);
    }
  }
  return [...byKey.values()].map(({ name: name2, outcome, pid, testFile, paths }) => ({
    name: name2,
    ...outcome !== void 0 ? { outcome } : {},
    pid,
    ...testFile !== void 0 ? { testFile } : {},
    paths
  }));
}
function changesOfTest(cs, test) {
  const paths = new Set(test.paths);
  return cs.changes.filter((change) => paths.has(change.path));
}

// src/changes/manifest.ts
var manifestSchemaVersion = 1;
function countChanges(changes) {
  const counts = { created: 0, modified: 0, deleted: 0, transient: 0, directories: { created: 0, modified: 0, deleted: 0, transient: 0 } };
  for (const change of changes) {
    counts[change.change]++;
    if (change.type === "directory") counts.directories[change.change]++;
  }
  return counts;
}
function buildManifest(cs, changes, gaps, run) {
  return {
    schemaVersion: manifestSchemaVersion,
    generator: "memfs-action",
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    command: run.command,
    exitCode: run.exitCode,
    durationMs: Math.round(run.durationMs),
    nameEncoding: "percent-v2",
    counts: countChanges(changes),
    roots: cs.roots,
    writers: cs.writers,
    changes,
    gaps,
    ...testsOf(cs, changes),
    ...cs.disk ? { diskCheck: cs.disk } : {}
  };
}
function testsOf(cs, changes) {
  const tests2 = testsOfRun({ writers: cs.writers, changes });
  return tests2.length > 0 ? { tests: tests2 } : {};
}

// src/changes/name-encoding.ts
var mustEncode = /[%":<>|*?\\\x00-\x1f\x7f\u{dc80}-\u{dcff}]/gu;
var escapedByte = 56320;
function byteOrCode(char) {
  const code = char.charCodeAt(0);
  return code >= 56448 && code <= 56575 ? code - escapedByte : code;
}
function encodeNameSegment(segment) {
  if (segment === "." || segment === "..") return segment.replaceAll(".", "%2E");
  return segment.replace(mustEncode, (char) => "%" + byteOrCode(char).toString(16).toUpperCase().padStart(2, "0"));
}
function encodeRelativePath(relativePath) {
  return relativePath.split("/").map(encodeNameSegment).join("/");
}

// src/report/units.ts
var byteUnits = ["B", "KiB", "MiB", "GiB", "TiB"];
function formatBytes(bytes) {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  const shown = (v) => v < 9.95 ? v.toFixed(1) : String(Math.round(v));
  while (unit < byteUnits.length - 1 && Number(shown(value)) >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${shown(value)} ${byteUnits[unit]}`;
}
function formatDuration(ms) {
  if (Math.round(ms) < 1e3) return `${Math.round(ms)} ms`;
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1e3);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.round(ms / 6e4);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

// src/report/writers.ts
import path7 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// src/report/visible.ts
var invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Cs}\u034f\u115f\u1160\u3164\uffa0]/gu;
function escapeCharacter(char) {
  const code = char.codePointAt(0);
  if (code < 128) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code >= 56448 && code <= 56575) return `\\x${(code - 56320).toString(16).padStart(2, "0")}`;
  return `\\u{${code.toString(16).toUpperCase().padStart(4, "0")}}`;
}
function showInvisible(text3) {
  return text3.replace(invisible, (char) => char === " " ? char : escapeCharacter(char));
}

// src/report/html.ts
var entities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text3) {
  return showInvisible(text3.replace(/[&<>"']/g, (c) => entities[c] ?? c));
}
function shorten(text3, max) {
  if (text3.length <= max) return text3;
  const codePoints = Array.from(text3);
  if (codePoints.length <= max) return text3;
  const keep = Math.max(1, Math.floor((max - 1) / 2));
  return `${codePoints.slice(0, keep).join("")}\u2026${codePoints.slice(codePoints.length - keep).join("")}`;
}

// src/report/writers.ts
var runners = [
  [/\/node_modules\/vitest\//, "vitest", /\/workers?\/|forks|threads/],
  [/\/node_modules\/(jest-worker|jest-runner|jest-cli|jest)\//, "jest", /jest-worker|processChild/],
  [/\/node_modules\/mocha\/|\/\.bin\/_?mocha$/, "mocha", /worker/],
  [/\/node_modules\/ava\//, "ava", /worker/],
  [/\/node_modules\/(tap|@tapjs\/[^/]+)\//, "tap"]
];
var evalOptions = /* @__PURE__ */ new Set(["-e", "--eval", "-p", "--print"]);
var optionsWithValue = /* @__PURE__ */ new Set([
  "-r",
  "--require",
  "--import",
  "--loader",
  "--experimental-loader",
  "-C",
  "--conditions",
  "--test-reporter",
  "--test-reporter-destination",
  "--test-name-pattern",
  "--env-file",
  "--input-type",
  "--stack-size"
]);
function processLabel(command, roots = []) {
  const [program = "", ...args] = command.split(" ").filter((word) => word !== "");
  const programName = /(^|\/)(node|nodejs)(\.exe)?$/.test(program) ? "node" : path7.posix.basename(program);
  let script;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (evalOptions.has(arg) || /^--(eval|print)=/.test(arg)) return `${programName} ${arg.startsWith("--") ? arg.replace(/=.*/, "") : arg}`;
    if (arg.startsWith("-")) {
      if (optionsWithValue.has(arg)) i++;
      continue;
    }
    script = arg;
    break;
  }
  if (script !== void 0) {
    for (const [pattern, runner, worker] of runners) {
      if (pattern.test(script)) return worker?.test(script) ? `${runner} worker` : runner;
    }
  }
  if (args.includes("--test")) return `${programName} --test`;
  if (script === void 0) return programName;
  const nodeModules = /\/node_modules\/(\.bin\/[^/]+|@[^/]+\/[^/]+|[^/]+)/.exec(script);
  if (nodeModules) return nodeModules[1].replace(/^\.bin\//, "");
  return `${programName} ${shortPath(relativeToRoot(roots, script))}`;
}
var longestLabelPath = 60;
function shortPath(file) {
  if (file.length <= longestLabelPath) return file;
  const segments = file.split("/");
  let kept = segments.pop();
  if (kept.length > longestLabelPath) return shorten(kept, longestLabelPath);
  while (segments.length > 0 && segments.at(-1).length + kept.length + 3 <= longestLabelPath) kept = `${segments.pop()}/${kept}`;
  return `\u2026/${kept}`;
}
function writerLabel(changeSet, index) {
  if (index === void 0) return "";
  const writer2 = changeSet.writers[index];
  if (!writer2) return "";
  return writer2.testFile ? relativeToRoot(changeSet.roots, writer2.testFile) : writerName(writer2, changeSet.roots);
}
var notNodeLabel = "not Node";
function writerName(writer2, roots) {
  return writer2.notNode ? notNodeLabel : processLabel(writer2.command, roots);
}
function processRows(changeSet) {
  const byPid = /* @__PURE__ */ new Map();
  for (const writer2 of changeSet.writers) {
    let row = byPid.get(writer2.pid);
    if (!row) {
      row = { pid: writer2.pid, label: writerName(writer2, changeSet.roots), testFiles: [], command: writer2.command };
      byPid.set(writer2.pid, row);
    }
    addTestFile(row, changeSet.roots, writer2);
  }
  return [...byPid.values()];
}
function addTestFile(row, roots, writer2) {
  if (!writer2.testFile) return;
  const file = relativeToRoot(roots, writer2.testFile);
  if (!row.testFiles.includes(file)) row.testFiles.push(file);
}
function relativeToRoot(roots, location) {
  let absolutePath = location;
  if (location.startsWith("file://")) {
    try {
      absolutePath = fileURLToPath2(location);
    } catch {
    }
  }
  for (const root of roots) {
    const prefix = root.path.endsWith("/") ? root.path : `${root.path}/`;
    if (absolutePath.startsWith(prefix)) return absolutePath.slice(prefix.length);
  }
  return absolutePath;
}

// src/report/outline.ts
var changeOrder = { created: 0, modified: 1, deleted: 2, transient: 3 };
function countChanges2(changeSet) {
  return countChanges(changeSet.changes);
}
function countsSentence(counts, separator = ", ") {
  const kinds2 = ["created", "modified", "deleted", "transient"];
  return kinds2.map((kind) => {
    const directories = counts.directories[kind];
    return `${counts[kind]} ${kind}${directories > 0 ? ` (${directories} director${directories === 1 ? "y" : "ies"})` : ""}`;
  }).join(separator);
}
function outcomeSentence(exitCode) {
  if (exitCode === 0) return "The command passed";
  if (exitCode === null) return "The command did not finish (cancelled, timed out or killed)";
  return `The command failed with exit code ${exitCode}`;
}
function touchedRows(changeSet) {
  const touched = (c) => c.change === "created" || c.change === "modified";
  const implied = impliedDirectories(changeSet.changes.filter(touched));
  return sortedChanges(changeSet, (c) => touched(c) && !(c.type === "directory" && implied.has(`${c.root}/${c.relativePath}`))).map((c) => toRow(changeSet, c));
}
function unlistedDirectories(changeSet, rows) {
  const counts = countChanges2(changeSet);
  return counts.created + counts.modified - rows.length;
}
function impliedDirectories(changes) {
  const implied = /* @__PURE__ */ new Set();
  for (const change of changes) {
    let dir = change.relativePath;
    for (let cut = dir.lastIndexOf("/"); cut > 0; cut = dir.lastIndexOf("/")) {
      dir = dir.slice(0, cut);
      const key = `${change.root}/${dir}`;
      if (implied.has(key)) break;
      implied.add(key);
    }
  }
  return implied;
}
function deletedRows(changeSet) {
  return sortedChanges(changeSet, (c) => c.change === "deleted").map((c) => toRow(changeSet, c));
}
function transientRows(changeSet) {
  return sortedChanges(changeSet, (c) => c.change === "transient").map((c) => toRow(changeSet, c));
}
function allWarnings(input) {
  return [...input.warnings, ...input.changeSet.gaps.map(describeGap), ...diskCheckWarnings(input.changeSet.disk)];
}
var outsideOverlayExplanation = "The overlay did not make these changes: a program outside it did. Only Node processes started with the preload write to memory; a non-Node program (rm, git, touch, tar, a shell redirect) or a Node process started without the preload writes the real disk, and in a folder that other programs share, such as the temp dir, another program on the machine may have made them. They are on the disk now, not in the export.";
function diskSentence(check) {
  const count2 = check.changed.length;
  if (count2 === 0) return check.incomplete ? "not fully checked" : "unchanged under the roots";
  return `${count2} ${count2 === 1 ? "path" : "paths"} changed outside the overlay`;
}
function diskChangeRows(changeSet) {
  return (changeSet.disk?.changed ?? []).map((change) => ({
    change: change.change,
    path: `${change.root}/${change.relativePath}`,
    suffix: change.type === "directory" ? "/" : change.type === "symlink" ? ` -> ${change.target ?? "?"}` : "",
    size: change.size === void 0 ? "" : formatBytes(change.size),
    writtenBy: "",
    note: diskNote(change)
  }));
}
function diskNote(change) {
  if (change.change !== "modified" || !change.differs?.length) return "";
  if (change.differs.includes("type")) return "replaced by another type";
  return `${change.differs.join(", ")} changed`;
}
function diskCheckWarnings(check) {
  if (!check) return [];
  const warnings2 = [];
  if (check.unreadable.length > 0) {
    const shown = check.unreadable.slice(0, 3).map((u) => `${u.path} (${u.reason})`).join(", ");
    const more = check.unreadable.length > 3 ? ` and ${check.unreadable.length - 3} more` : "";
    warnings2.push(`The real disk could not be checked below ${check.unreadable.length === 1 ? "a folder" : `${check.unreadable.length} folders`} that could not be read: ${shown}${more}. A program outside the overlay may have changed files there.`);
  }
  if (check.incomplete) warnings2.push(`The check of the real disk is incomplete: ${check.incomplete}.`);
  return warnings2;
}
function describeGap(gap) {
  switch (gap.reason) {
    case "journal-unreadable":
      return `The journal of ${gap.pid === void 0 ? "a process" : processOf(gap)} could not be read: ${gap.detail}`;
    case "export-failed":
      return `Part of the export failed: ${gap.detail}`;
    default: {
      if (gap.pid === void 0) return gap.detail;
      const named = `process ${gap.pid}`;
      const namesIt = gap.detail.startsWith(named) && !/[0-9]/.test(gap.detail.charAt(named.length));
      return namesIt ? processOf(gap) + gap.detail.slice(named.length) : `${processOf(gap)}: ${gap.detail}`;
    }
  }
}
function processOf(gap) {
  return `process ${gap.pid}${gap.command ? ` (${processLabel(gap.command)})` : ""}`;
}
function sortedChanges(changeSet, keep) {
  const rootOrder = new Map(changeSet.roots.map((r, i) => [r.label, i]));
  return changeSet.changes.filter(keep).sort(
    (a, b) => (rootOrder.get(a.root) ?? Infinity) - (rootOrder.get(b.root) ?? Infinity) || compareStrings(a.relativePath, b.relativePath) || changeOrder[a.change] - changeOrder[b.change]
  );
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function toRow(changeSet, change) {
  return {
    change: change.change,
    path: `${change.root}/${change.relativePath}`,
    suffix: change.type === "directory" ? "/" : change.type === "symlink" ? ` -> ${change.target ?? "?"}` : "",
    size: change.type === "file" ? formatBytes(change.size) : "",
    writtenBy: writerLabel(changeSet, change.firstWriter),
    note: omissionNote(change)
  };
}
var omissionNotes = {
  excluded: "not uploaded: matches exclude",
  "too-large": "content not kept: too large",
  "not-captured": "content not captured"
};
function omissionNote(change) {
  if (change.change === "modified" && change.contentChanged === false && change.metadataChanged) return "metadata only";
  return change.contentOmitted ? omissionNotes[change.contentOmitted] : "";
}

// src/report/tests.ts
function testLines(cs, maxPaths) {
  const tests2 = testsOfRun(cs);
  const ordered = [...tests2.filter((t) => t.outcome === "failed"), ...tests2.filter((t) => t.outcome !== "failed")];
  return ordered.map((test) => {
    const changes = changesOfTest(cs, test);
    const line = {
      name: test.name,
      paths: changes.slice(0, maxPaths).map((c) => `${c.root}/${c.relativePath}${c.type === "directory" ? "/" : ""}${c.change === "deleted" ? " (deleted)" : ""}`),
      more: Math.max(0, changes.length - maxPaths)
    };
    if (test.outcome !== void 0) line.outcome = test.outcome;
    if (test.testFile !== void 0) line.testFile = relativeToRoot(cs.roots, test.testFile);
    return line;
  });
}
function testSentence(line, style, moreWhere = "manifest.json") {
  const who = line.outcome === "failed" ? "The failing test" : line.outcome === "passed" ? "The passing test" : "The test";
  const file = line.testFile !== void 0 ? ` (${style.path(line.testFile)})` : "";
  const more = line.more > 0 ? `, and ${line.more} more (${moreWhere})` : "";
  return `${who} ${style.name(line.name)}${file} wrote these files: ${line.paths.map((p) => style.path(p)).join(", ")}${more}.`;
}

// src/changes/summary-markdown.ts
var maxRows = 200;
function minimalSummaryMarkdown(cs, run) {
  const lines = [
    "# memfs-action: what the command changed",
    "",
    `Command: \`${showInvisible(run.command.replace(/`/g, "'"))}\` \u2014 exit code ${run.exitCode ?? "none (killed)"} after ${formatDuration(run.durationMs)}.`,
    "",
    `${countsSentence(countChanges2(cs))}.`,
    "",
    ...testLines(cs, 10).slice(0, maxRows).flatMap((line) => [testSentence(line, { name: cell, path: cell }), ""]),
    "| change | path | size | written by |",
    "| --- | --- | ---: | --- |"
  ];
  for (const change of cs.changes.slice(0, maxRows)) {
    const by = writerLabel(cs, change.firstWriter);
    lines.push(`| ${change.change} | ${cell(`${change.root}/${change.relativePath}`)} | ${change.size} | ${cell(by)} |`);
  }
  if (cs.changes.length > maxRows) lines.push("", `${cs.changes.length - maxRows} more in manifest.json.`);
  if (cs.gaps.length > 0) {
    lines.push("", "## Not captured", "");
    for (const gap of cs.gaps) lines.push(`- ${showInvisible(describeGap(gap))}`);
  }
  return lines.join("\n") + "\n";
}
function cell(text3) {
  return showInvisible(text3.replace(/[\\|`*_<>[\]]/g, (c) => "\\" + c));
}

// src/changes/original-fs.ts
var originalFs = Object.freeze({
  openSync: fs.openSync,
  closeSync: fs.closeSync,
  writevSync: fs.writevSync,
  writeSync: fs.writeSync,
  readSync: fs.readSync,
  readFileSync: fs.readFileSync,
  readdirSync: fs.readdirSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
  fstatSync: fs.fstatSync,
  fchownSync: fs.fchownSync,
  statSync: fs.statSync,
  mkdirSync: fs.mkdirSync,
  existsSync: fs.existsSync,
  statfsSync: fs.statfsSync,
  ftruncateSync: fs.ftruncateSync
});

// src/changes/record.ts
var journalVersion = 2;
var maxTestNameLength = 500;
var frameHeadBytes = 8;
var scratch = Buffer.allocUnsafe(64 * 1024);
var inlineDataBytes = 16 * 1024;
var binaryContentLayout = {
  tag: 0,
  flags: 1,
  t: 2,
  atimeNs: 10,
  mtimeNs: 18,
  ino: 26,
  mode: 34,
  uid: 42,
  gid: 50,
  size: 58,
  ti: 66,
  at: 74,
  pathBytes: 82,
  path: 86
};
var binaryContentTag = 1;
var hasTestFile = 1;
var hasTestId = 2;
var isSuperseded = 4;
var hasContinuation = 8;
var knownFlags = hasTestFile | hasTestId | isSuperseded | hasContinuation;
var int64Min = -(2n ** 63n);
var int64Max = 2n ** 63n - 1n;
var uint64Max = 2n ** 64n - 1n;
function decodeHeader(bytes, start, end) {
  if (end > start && bytes[start] === binaryContentTag) return decodeContentHeader(bytes, start, end);
  return JSON.parse(bytes.toString("utf8", start, end));
}
function decodeContentHeader(bytes, start, end) {
  const L = binaryContentLayout;
  const length = end - start;
  if (length < L.path) throw new Error(`a binary content header of ${length} bytes, fewer than its ${L.path} fixed ones`);
  const flags = bytes[start + L.flags];
  if ((flags & ~knownFlags) !== 0) throw new Error(`a binary content header with unknown flags ${flags}`);
  const pathBytes = bytes.readUInt32LE(start + L.pathBytes);
  const pathEnd = start + L.path + pathBytes;
  if (pathEnd > end) throw new Error(`a binary content header whose path of ${pathBytes} bytes runs past its ${length} bytes`);
  if ((flags & hasTestFile) === 0 && pathEnd !== end) throw new Error(`a binary content header with ${end - pathEnd} bytes after its path`);
  const record = {
    k: "content",
    t: String(bytes.readBigUInt64LE(start + L.t)),
    path: bytes.toString("utf8", start + L.path, pathEnd),
    ino: bytes.readDoubleLE(start + L.ino),
    mode: bytes.readDoubleLE(start + L.mode),
    uid: bytes.readDoubleLE(start + L.uid),
    gid: bytes.readDoubleLE(start + L.gid),
    size: bytes.readDoubleLE(start + L.size),
    atimeNs: String(bytes.readBigInt64LE(start + L.atimeNs)),
    mtimeNs: String(bytes.readBigInt64LE(start + L.mtimeNs))
  };
  if ((flags & hasTestFile) !== 0) record.tf = bytes.toString("utf8", pathEnd, end);
  if ((flags & hasTestId) !== 0) record.ti = bytes.readDoubleLE(start + L.ti);
  if ((flags & isSuperseded) !== 0) record.sup = 1;
  if ((flags & hasContinuation) !== 0) record.at = bytes.readDoubleLE(start + L.at);
  return record;
}
function decodeFrames(bytes) {
  const frames = [];
  let at = 0;
  while (at + frameHeadBytes <= bytes.length) {
    const headerLength = bytes.readUInt32LE(at);
    const dataLength = bytes.readUInt32LE(at + 4);
    const end = at + frameHeadBytes + headerLength + dataLength;
    if (end > bytes.length) break;
    let record;
    try {
      record = decodeHeader(bytes, at + frameHeadBytes, at + frameHeadBytes + headerLength);
    } catch {
      break;
    }
    const frame = { record };
    if (dataLength > 0 || record?.k === "content") {
      frame.data = bytes.subarray(at + frameHeadBytes + headerLength, end);
    }
    frames.push(frame);
    at = end;
  }
  return { frames, tornBytes: bytes.length - at };
}

// src/changes/journal-file.ts
var frameHeadBytes2 = 8;
var windowBytes = 256 * 1024;
var maxHeaderBytes = 16 * 1024 * 1024;
function scanFrames(fd, fileSize, visit, start = 0) {
  let window = Buffer.allocUnsafe(Math.max(frameHeadBytes2, Math.min(windowBytes, fileSize - start)));
  let windowStart = 0;
  let windowEnd = 0;
  const fill = (at2, length) => {
    if (at2 >= windowStart && at2 + length <= windowEnd) return true;
    if (length > window.length) window = Buffer.allocUnsafe(length);
    const wanted = Math.min(window.length, fileSize - at2);
    if (wanted < length) return false;
    let got = 0;
    while (got < wanted) {
      const n = originalFs.readSync(fd, window, got, wanted - got, at2 + got);
      if (n === 0) break;
      got += n;
    }
    windowStart = at2;
    windowEnd = at2 + got;
    return got >= length;
  };
  let at = start;
  while (at + frameHeadBytes2 <= fileSize) {
    if (!fill(at, frameHeadBytes2)) break;
    const headerLength = window.readUInt32LE(at - windowStart);
    const dataLength = window.readUInt32LE(at - windowStart + 4);
    const headerStart = at + frameHeadBytes2;
    const end = headerStart + headerLength + dataLength;
    if (end > fileSize) break;
    if (headerLength > maxHeaderBytes) return { end: at, tornBytes: fileSize - at, stoppedAt: `a header of ${headerLength} bytes at offset ${at}` };
    if (!fill(headerStart, headerLength)) break;
    let header;
    try {
      header = decodeHeader(window, headerStart - windowStart, headerStart - windowStart + headerLength);
    } catch (error) {
      const what = error instanceof SyntaxError ? "a header that is not JSON" : error.message;
      return { end: at, tornBytes: fileSize - at, stoppedAt: `${what} at offset ${at}` };
    }
    if (visit({ header, dataOffset: headerStart + headerLength, dataLength }) === false) return { end: at, tornBytes: 0 };
    at = end;
  }
  return { end: at, tornBytes: fileSize - at };
}
function readAt(fd, target, offset, length, position) {
  let got = 0;
  while (got < length) {
    const n = originalFs.readSync(fd, target, offset + got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

// src/changes/journal-content.ts
var ContentLink = class {
  constructor(piece, base, at, size) {
    this.piece = piece;
    this.base = base;
    this.at = at;
    this.size = size;
  }
  piece;
  base;
  at;
  size;
  extents;
  get storedEnd() {
    const extents = this.extents ??= this.flatten();
    const last = extents[extents.length - 1];
    return Math.min(this.size, last === void 0 ? 0 : last.start + last.length);
  }
  readInto(target, offset, length, position) {
    if (position >= this.size || length <= 0) return 0;
    const n = Math.min(length, this.size - position);
    const extents = this.extents ??= this.flatten();
    let i = firstExtentAt(extents, position);
    let done = 0;
    while (done < n) {
      const at = position + done;
      const extent = extents[i];
      if (extent === void 0 || extent.start > at) {
        const holeEnd = Math.min(position + n, extent?.start ?? position + n);
        target.fill(0, offset + done, offset + done + (holeEnd - at));
        done += holeEnd - at;
        continue;
      }
      const within = at - extent.start;
      const take = Math.min(extent.length - within, n - done);
      const got = readAt(extent.fd, target, offset + done, take, extent.fileOffset + within);
      if (got < take) target.fill(0, offset + done + got, offset + done + take);
      done += take;
      i++;
    }
    return n;
  }
  /** Walks back to the last whole write, then replays the continuations in order: each cuts at `at` and adds. */
  flatten() {
    const chain = [];
    let link = this;
    while (link !== void 0) {
      if (link.extents !== void 0) break;
      chain.push(link);
      if (link.at === void 0) {
        link = void 0;
        break;
      }
      link = link.base;
    }
    const extents = link?.extents ? link.extents.slice() : [];
    for (let i = chain.length - 1; i >= 0; i--) {
      const step = chain[i];
      if (step.at === void 0) extents.length = 0;
      else cutAt(extents, step.at);
      if (step.piece.length > 0) {
        extents.push({ start: step.at ?? 0, length: step.piece.length, fd: step.piece.fd, fileOffset: step.piece.offset });
      }
    }
    return extents;
  }
};
function cutAt(extents, at) {
  while (extents.length > 0) {
    const last = extents[extents.length - 1];
    if (last.start >= at) extents.pop();
    else {
      if (last.start + last.length > at) extents[extents.length - 1] = { ...last, length: at - last.start };
      return;
    }
  }
}
function firstExtentAt(extents, position) {
  let low = 0;
  let high = extents.length;
  while (low < high) {
    const mid = low + high >>> 1;
    const e = extents[mid];
    if (e.start + e.length <= position) low = mid + 1;
    else high = mid;
  }
  return low;
}
var emptyContent = { size: 0, readInto: () => 0 };
function readWholeContent(content) {
  const bytes = Buffer.allocUnsafe(content.size);
  content.readInto(bytes, 0, content.size, 0);
  return bytes;
}
function forEachChunk(content, use, end = content.size, chunkBytes2 = 1024 * 1024) {
  const buffer = Buffer.allocUnsafe(Math.min(chunkBytes2, Math.max(1, end)));
  for (let position = 0; position < end; ) {
    const n = content.readInto(buffer, 0, Math.min(buffer.length, end - position), position);
    if (n === 0) break;
    use(buffer.subarray(0, n));
    position += n;
  }
}

// src/changes/json-pieces.ts
var indentOfElement = "    ";
function writeJsonInPieces(value, write, pieceSize = 1 << 20) {
  let pending = "";
  const emit = (text3) => {
    pending += text3;
    if (pending.length >= pieceSize) {
      write(pending);
      pending = "";
    }
  };
  if (!isPlainRecord(value)) {
    emit(JSON.stringify(value, null, 2) ?? "undefined");
  } else {
    const entries = Object.entries(value).filter(([, v]) => isSerialized(v));
    if (entries.length === 0) emit("{}");
    else {
      emit("{\n");
      entries.forEach(([key, v], i) => {
        emit(`  ${JSON.stringify(key)}: `);
        if (Array.isArray(v) && v.length > 0 && !hasToJSON(v)) emitArray(v, emit);
        else emit(indentNested(JSON.stringify(v, null, 2), "  "));
        emit(i < entries.length - 1 ? ",\n" : "\n");
      });
      emit("}");
    }
  }
  if (pending.length > 0) write(pending);
}
function emitArray(items, emit) {
  emit("[\n");
  items.forEach((item, i) => {
    const text3 = isSerialized(item) ? JSON.stringify(item, null, 2) : "null";
    emit(indentOfElement + indentNested(text3, indentOfElement));
    emit(i < items.length - 1 ? ",\n" : "\n");
  });
  emit("  ]");
}
function indentNested(text3, indent) {
  return text3.includes("\n") ? text3.replaceAll("\n", `
${indent}`) : text3;
}
function isPlainRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !hasToJSON(value);
}
function hasToJSON(value) {
  return typeof value.toJSON === "function";
}
function isSerialized(value) {
  return value !== void 0 && typeof value !== "function" && typeof value !== "symbol";
}

// src/changes/export.ts
var exportParts2 = ["files", "transient", "manifest.json", "summary.md"];
function exportChangeSet(cs, o) {
  const shownOutDir = path8.resolve(o.outDir);
  const outDir = prepareOutDir(shownOutDir);
  const excluded = exclusionOf(o.exclude);
  const files = [];
  const gaps = [...cs.gaps];
  const changes = [];
  for (const original of cs.changes) {
    const change = { ...original };
    changes.push(change);
    const exported = exportedFolder(change, o.includeTransient);
    if (exported === void 0 || change.type !== "file") continue;
    if (change.contentOmitted) continue;
    if (exported === "omit") {
      change.contentOmitted = "excluded";
      continue;
    }
    if (excluded(change.relativePath)) {
      change.contentOmitted = "excluded";
      continue;
    }
    let bytes;
    try {
      bytes = cs.content?.open ? cs.content.open(original) : cs.content?.read(original);
    } catch (error) {
      gaps.push({ reason: "export-failed", detail: `${change.path}: ${error.message}` });
      continue;
    }
    if (bytes === void 0) {
      change.contentOmitted = "not-captured";
      continue;
    }
    const segments = [exported, encodeNameSegment(change.root), ...encodeRelativePath(change.relativePath).split("/")];
    try {
      writeInside(outDir, segments, bytes, 420 | change.mode & 73);
      change.exportedAs = segments.join("/");
      files.push(path8.join(shownOutDir, ...segments));
    } catch (error) {
      gaps.push({ reason: "export-failed", detail: `${change.path}: ${error.message}` });
    }
  }
  const exportedSet = { roots: cs.roots, writers: cs.writers, changes, gaps, ...cs.disk ? { disk: cs.disk } : {} };
  const manifest = buildManifest(exportedSet, changes, gaps, o);
  writeInside(outDir, ["manifest.json"], (write) => {
    writeJsonInPieces(manifest, (piece) => write(Buffer.from(piece)));
    write(Buffer.from("\n"));
  }, 420);
  const manifestPath = path8.join(shownOutDir, "manifest.json");
  files.push(manifestPath);
  writeInside(outDir, ["summary.md"], (o.renderSummary ?? ((set) => minimalSummaryMarkdown(set, o)))(exportedSet), 420);
  files.push(path8.join(shownOutDir, "summary.md"));
  return { outDir: shownOutDir, manifestPath, files, changeSet: exportedSet };
}
var { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs5.constants;
var createNew = O_WRONLY | O_CREAT | O_EXCL | (O_NOFOLLOW ?? 0);
function writeInside(outDir, segments, data, mode) {
  const bad = segments.find((segment) => segment === "" || segment === "." || segment === ".." || segment.includes("/") || segment.includes("\0"));
  if (bad !== void 0) throw new Error(`${JSON.stringify(segments.join("/"))} holds the name ${JSON.stringify(bad)}, which no export file may have`);
  const target = path8.join(outDir, ...segments);
  const relative = path8.relative(outDir, target);
  if (relative === "" || relative === ".." || relative.startsWith("../") || path8.isAbsolute(relative)) throw new Error(`${target} lies outside ${outDir}`);
  let folder = outDir;
  for (const segment of segments.slice(0, -1)) {
    folder = path8.join(folder, segment);
    try {
      fs5.mkdirSync(folder, 493);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const stat = fs5.lstatSync(folder);
    if (!stat.isDirectory()) {
      throw new Error(`${folder} is ${stat.isSymbolicLink() ? "a symbolic link" : "not a folder"}: nothing is written through it`);
    }
  }
  const fd = fs5.openSync(target, createNew, mode);
  const writeAll = (bytes) => {
    for (let done = 0; done < bytes.length; ) done += fs5.writeSync(fd, bytes, done);
  };
  try {
    if (typeof data === "string") writeAll(Buffer.from(data));
    else if (data instanceof Uint8Array) writeAll(data);
    else if (typeof data === "function") data(writeAll);
    else {
      const stored = data.storedEnd ?? data.size;
      forEachChunk(data, writeAll, stored);
      if (stored < data.size) fs5.ftruncateSync(fd, data.size);
    }
  } finally {
    fs5.closeSync(fd);
  }
}
function exclusionOf(globs) {
  const anyDepth = globs.filter((glob) => !glob.includes("/"));
  const anchored = globs.filter((glob) => glob.includes("/")).map((glob) => glob.replace(/^\//, ""));
  const matchers = [
    ...anyDepth.length > 0 ? [(0, import_picomatch2.default)(anyDepth, { dot: true, basename: true })] : [],
    ...anchored.length > 0 ? [(0, import_picomatch2.default)(anchored, { dot: true })] : []
  ];
  return (relativePath) => matchers.some((matches) => matches(relativePath));
}
function exportedFolder(change, includeTransient) {
  if (change.change === "created" || change.change === "modified") return "files";
  if (change.change === "transient") return includeTransient ? "transient" : "omit";
  return void 0;
}
function prepareOutDir(outDir) {
  let stat = fs5.lstatSync(outDir, { throwIfNoEntry: false });
  if (stat === void 0) {
    fs5.mkdirSync(outDir, { recursive: true });
    stat = fs5.lstatSync(outDir);
  }
  if (stat.isSymbolicLink()) {
    throw new Error(`refusing to export into ${outDir}: it is a symbolic link (to ${fs5.readlinkSync(outDir)}); give a real folder as --out`);
  }
  if (!stat.isDirectory()) throw new Error(`refusing to export into ${outDir}: it is not a folder (choose another --out)`);
  const names = fs5.readdirSync(outDir);
  if (names.length > 0) {
    if (!isEarlierExport2(outDir, names)) {
      throw new Error(`refusing to export into ${outDir}: the folder is not empty and holds no earlier memfs-action export (choose another --out)`);
    }
    for (const part of exportParts2) fs5.rmSync(path8.join(outDir, part), { recursive: true, force: true });
  }
  return fs5.realpathSync(outDir);
}
function isEarlierExport2(outDir, names) {
  if (!names.includes("manifest.json") || names.some((name2) => !exportParts2.includes(name2))) return false;
  try {
    const manifest = JSON.parse(fs5.readFileSync(path8.join(outDir, "manifest.json"), "utf8"));
    return manifest?.generator === "memfs-action";
  } catch {
    return false;
  }
}

// src/changes/fold.ts
import { createHash as createHash2 } from "node:crypto";
import fs8 from "node:fs";
import path9 from "node:path";

// src/changes/fold-model.ts
import fs6, { lstatSync as lstatSyncAtLoad2 } from "node:fs";

// src/overlay/disk.ts
import {
  closeSync as closeSyncAtLoad,
  constants,
  fstatSync as fstatSyncAtLoad,
  lstatSync as lstatSyncAtLoad,
  openSync as openSyncAtLoad,
  readdirSync as readdirSyncAtLoad,
  readlinkSync as readlinkSyncAtLoad,
  readSync as readSyncAtLoad,
  realpathSync as realpathSync2
} from "node:fs";
var readdirSync2 = readdirSyncAtLoad;
var readlinkSync2 = readlinkSyncAtLoad;
var realpathNative = realpathSync2.native;
var {
  UV_DIRENT_FILE,
  UV_DIRENT_DIR,
  UV_DIRENT_LINK,
  UV_DIRENT_FIFO,
  UV_DIRENT_SOCKET,
  UV_DIRENT_CHAR,
  UV_DIRENT_BLOCK
} = constants;
function onDisk(path15) {
  return isWellFormed(path15) ? path15 : nameToBytes(path15);
}
function mayHaveLostBytes(text3) {
  return text3.includes("\uFFFD");
}
function direntType(d) {
  if (d.isFile()) return UV_DIRENT_FILE;
  if (d.isDirectory()) return UV_DIRENT_DIR;
  if (d.isSymbolicLink()) return UV_DIRENT_LINK;
  if (d.isFIFO()) return UV_DIRENT_FIFO;
  if (d.isSocket()) return UV_DIRENT_SOCKET;
  if (d.isCharacterDevice()) return UV_DIRENT_CHAR;
  if (d.isBlockDevice()) return UV_DIRENT_BLOCK;
  return 0;
}
var O_NOATIME = constants.O_NOATIME ?? 0;
var S_IFMT = constants.S_IFMT;
var S_IFDIR = constants.S_IFDIR;
function readDirectory(path15) {
  if (!isWellFormed(path15)) return readDirectoryAsBytes(nameToBytes(path15));
  const dirents = readdirSync2(path15, { withFileTypes: true });
  const entries = new Array(dirents.length);
  for (let i = 0; i < dirents.length; i++) {
    const d = dirents[i];
    if (mayHaveLostBytes(d.name)) return readDirectoryAsBytes(path15);
    entries[i] = { name: d.name, type: direntType(d) };
  }
  return entries;
}
function readNames2(path15) {
  return readDirectory(path15).map((entry) => entry.name);
}
function readDirectoryAsBytes(target) {
  return readdirSync2(target, { withFileTypes: true, encoding: "buffer" }).map((d) => ({ name: bytesToName(d.name), type: direntType(d) }));
}
function readLink(path15) {
  const ownCwd = ownWorkingDirectoryLink(path15, () => process.cwd());
  if (ownCwd !== void 0) return ownCwd;
  const target = onDisk(path15);
  const text3 = readlinkSync2(target, "utf8");
  return mayHaveLostBytes(text3) ? bytesToName(readlinkSync2(target, "buffer")) : text3;
}

// src/changes/fold-model.ts
var S_IFMT2 = fs6.constants.S_IFMT;
function kindOfMode(mode) {
  switch (mode & S_IFMT2) {
    case fs6.constants.S_IFREG:
      return "file";
    case fs6.constants.S_IFDIR:
      return "directory";
    case fs6.constants.S_IFLNK:
      return "symlink";
    default:
      return "other";
  }
}
var lstatSync2 = lstatSyncAtLoad2;
var lstatMemo = /* @__PURE__ */ new Map();
var memoOwner;
function forgetDiskAnswers(owner) {
  lstatMemo.clear();
  memoOwner = owner;
}
function diskLstat(target) {
  if (memoOwner === void 0) return lstatIfAny2(target);
  if (lstatMemo.has(target)) return lstatMemo.get(target);
  const stat = lstatIfAny2(target);
  lstatMemo.set(target, stat);
  return stat;
}
function lstatIfAny2(target) {
  try {
    return lstatSync2(onDisk(target), { bigint: true, throwIfNoEntry: false });
  } catch (error) {
    const code = error.code;
    if (code === "ENOTDIR" || code === "EACCES" || code === "ENAMETOOLONG" || code === "ELOOP") return void 0;
    throw error;
  }
}
function endDiskAnswers(owner) {
  if (memoOwner !== owner) return;
  lstatMemo.clear();
  memoOwner = void 0;
}
function parentOf(target) {
  const slash = target.lastIndexOf("/");
  return slash <= 0 ? "/" : target.slice(0, slash);
}
function nameOf(target) {
  return target.slice(target.lastIndexOf("/") + 1);
}
function join(dir, name2) {
  return dir === "/" ? "/" + name2 : dir + "/" + name2;
}
function emptyNode(type) {
  return { type, mode: 0, uid: 0, gid: 0, size: 0, opaque: false, timesSet: false, links: 1 };
}
var FoldModel = class {
  entryMap = /* @__PURE__ */ new Map();
  hidden = /* @__PURE__ */ new Set();
  /** For every folder on the way to an entry: the names below it that lead to entries. */
  below = /* @__PURE__ */ new Map();
  /** Hidden names by folder, for listings. */
  hiddenByDir = /* @__PURE__ */ new Map();
  get entries() {
    return this.entryMap;
  }
  get size() {
    return this.entryMap.size + this.hidden.size;
  }
  /** Sets an entry (replacing one at the same path), leaving it last in the order of entries. */
  set(target, node) {
    if (this.entryMap.has(target)) this.entryMap.delete(target);
    this.entryMap.set(target, node);
    for (let child = target, dir = parentOf(target); child !== "/"; child = dir, dir = parentOf(dir)) {
      let names = this.below.get(dir);
      if (names === void 0) this.below.set(dir, names = /* @__PURE__ */ new Set());
      else if (names.has(nameOf(child))) break;
      names.add(nameOf(child));
    }
  }
  unset(target) {
    if (!this.entryMap.delete(target)) return;
    for (let child = target, dir = parentOf(target); child !== "/"; child = dir, dir = parentOf(dir)) {
      if (this.entryMap.has(child) || (this.below.get(child)?.size ?? 0) > 0) break;
      const names = this.below.get(dir);
      names?.delete(nameOf(child));
      if (names !== void 0 && names.size === 0) this.below.delete(dir);
    }
  }
  /** Hides a path: a removal or the old name of a rename (a whiteout). */
  hide(target) {
    if (this.hidden.has(target)) return;
    this.hidden.add(target);
    const dir = parentOf(target);
    let names = this.hiddenByDir.get(dir);
    if (names === void 0) this.hiddenByDir.set(dir, names = /* @__PURE__ */ new Set());
    names.add(nameOf(target));
  }
  /** Names directly in a folder that a removal or rename hid (an entry made there since takes precedence). */
  hiddenIn(dir) {
    return this.hiddenByDir.get(dir);
  }
  /** Names directly below a folder that lead to entries (the entry itself or something under it). */
  namesBelow(dir) {
    return this.below.get(dir);
  }
  /** Every entry at or below a path, parents before children. */
  entriesUnder(target) {
    const found = [];
    const visit = (current) => {
      if (this.entryMap.has(current)) found.push(current);
      const names = this.below.get(current);
      if (names !== void 0) for (const name2 of names) visit(join(current, name2));
    };
    visit(target);
    return found;
  }
  /**
   * What the model says of a path without asking the disk: its node, null when nothing can be there (hidden, or
   * below a removed, opaque or non-directory entry), undefined when the disk answers.
   */
  lookup(target) {
    const entry = this.entryMap.get(target);
    if (entry !== void 0) return entry;
    if (this.hidden.has(target)) return null;
    if (target === "/") return void 0;
    for (let dir = parentOf(target); ; dir = parentOf(dir)) {
      const ancestor = this.entryMap.get(dir);
      if (ancestor !== void 0) return ancestor.type !== "directory" || ancestor.opaque ? null : void 0;
      if (this.hidden.has(dir)) return null;
      if (dir === "/") return void 0;
    }
  }
  /** The node visible at a path: an entry, 'disk' for an untouched disk entry, or undefined when absent. */
  resolve(target) {
    const found = this.lookup(target);
    if (found === null) return void 0;
    if (found !== void 0) return found;
    return diskLstat(target) ? "disk" : void 0;
  }
  /** The entry at a path, taken from the disk into the model when it is still the disk's. */
  materialize(target) {
    const found = this.resolve(target);
    if (found !== "disk") return found;
    const node = nodeFromDisk(target);
    if (node) this.set(target, node);
    return node;
  }
  /** Every entry at or below a path: the disk's visible children become entries, and directories opaque. */
  materializeTree(root) {
    const node = this.materialize(root);
    if (!node || node.type !== "directory") return;
    if (!node.opaque) {
      let names = [];
      try {
        names = readNames2(root);
      } catch {
      }
      for (const name2 of names) {
        const child = join(root, name2);
        if (!this.entryMap.has(child) && !this.hidden.has(child)) {
          const childNode = nodeFromDisk(child);
          if (childNode) this.set(child, childNode);
        }
      }
      node.opaque = true;
    }
    for (const name2 of [...this.below.get(root) ?? []]) this.materializeTree(join(root, name2));
  }
  /** Entries at or below a path, removed from the model; returned for transient bookkeeping. */
  removeTree(target) {
    const removed = [];
    for (const key of this.entriesUnder(target)) {
      const node = this.entryMap.get(key);
      removed.push([key, node]);
      node.links--;
    }
    for (let i = removed.length - 1; i >= 0; i--) this.unset(removed[i][0]);
    this.hide(target);
    return removed;
  }
  /** Moves a whole subtree; returns the pairs (old path, new path) of the entries moved. */
  rename(from, to) {
    if (from === to) return { moved: [], replaced: [] };
    const node = this.materialize(from);
    if (!node) return void 0;
    if (node.type === "directory") this.materializeTree(from);
    const replaced = this.resolve(to) ? this.removeTree(to) : [];
    const moved = this.entriesUnder(from).map((key) => [key, to + key.slice(from.length)]);
    const nodes = moved.map(([oldKey]) => this.entryMap.get(oldKey));
    for (let i = moved.length - 1; i >= 0; i--) this.unset(moved[i][0]);
    moved.forEach(([, newKey], index) => this.set(newKey, nodes[index]));
    this.hide(from);
    return { moved, replaced };
  }
};
function nodeFromDisk(target) {
  const stat = diskLstat(target);
  if (!stat) return void 0;
  const mode = Number(stat.mode);
  const type = kindOfMode(mode);
  const node = {
    type,
    mode,
    uid: Number(stat.uid),
    gid: Number(stat.gid),
    size: Number(stat.size),
    mtimeNs: stat.mtimeNs,
    atimeNs: stat.atimeNs,
    ctimeNs: stat.ctimeNs,
    diskIno: Number(stat.ino),
    diskDev: Number(stat.dev),
    opaque: false,
    timesSet: false,
    links: 1
  };
  if (type === "file") node.lowerPath = target;
  if (type === "symlink") node.target = readLink(target);
  return node;
}
var nothing = { placed: [], touched: [], moved: [] };
function applyChange(model, change, at) {
  const record = change.record;
  switch (record.k) {
    case "content": {
      const existing = model.entries.get(record.path);
      const node = existing && existing.type === "file" ? existing : emptyNode("file");
      node.content = change.content ?? emptyContent;
      delete node.lowerPath;
      Object.assign(node, {
        mode: record.mode,
        uid: record.uid,
        gid: record.gid,
        size: record.size,
        mtimeNs: BigInt(record.mtimeNs),
        atimeNs: BigInt(record.atimeNs),
        ctimeNs: at
      });
      model.set(record.path, node);
      return { placed: [[record.path, node]], touched: [record.path], moved: [] };
    }
    case "mkdir": {
      const existing = model.resolve(record.path);
      if (existing !== void 0 && (existing === "disk" ? diskLstat(record.path).isDirectory() : existing.type === "directory")) {
        return { placed: [], touched: [record.path], moved: [] };
      }
      if (existing) model.removeTree(record.path);
      const node = { ...emptyNode("directory"), mode: record.mode, uid: record.uid, gid: record.gid, opaque: true, mtimeNs: at, atimeNs: at, ctimeNs: at };
      model.set(record.path, node);
      return { placed: [[record.path, node]], touched: [record.path], moved: [] };
    }
    case "symlink": {
      if (model.resolve(record.path)) model.removeTree(record.path);
      const node = {
        ...emptyNode("symlink"),
        target: record.target,
        size: nameByteLength(record.target),
        uid: record.uid,
        gid: record.gid,
        mode: 41471,
        mtimeNs: at,
        atimeNs: at,
        ctimeNs: at
      };
      model.set(record.path, node);
      return { placed: [[record.path, node]], touched: [record.path], moved: [] };
    }
    case "link": {
      const node = model.materialize(record.existingPath);
      if (!node) return nothing;
      if (model.resolve(record.newPath)) model.removeTree(record.newPath);
      node.links++;
      node.ctimeNs = at;
      model.set(record.newPath, node);
      return { placed: [[record.newPath, node]], touched: [record.newPath], moved: [] };
    }
    case "remove":
      model.removeTree(record.path);
      return { placed: [], touched: [record.path], moved: [] };
    case "rename": {
      const result = model.rename(record.from, record.to);
      if (!result) return nothing;
      const placed = result.moved.map(([, newPath]) => [newPath, model.entries.get(newPath)]);
      return { placed, touched: [record.from], moved: result.moved };
    }
    case "metadata": {
      const node = model.materialize(record.path);
      if (!node) return nothing;
      Object.assign(node, {
        mode: record.mode,
        uid: record.uid,
        gid: record.gid,
        mtimeNs: BigInt(record.mtimeNs),
        atimeNs: BigInt(record.atimeNs),
        ctimeNs: at,
        timesSet: true
      });
      return { placed: [], touched: [record.path], moved: [] };
    }
  }
}
function wallTime(change) {
  const begin = change.journal.begin;
  if (!begin) return change.time;
  return BigInt(begin.wallNs) + (change.time - BigInt(begin.monoNs));
}

// src/changes/journal-trust.ts
var count = (value) => typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? void 0 : "is not a non-negative integer";
var clock = (value) => typeof value === "string" && /^\d+$/.test(value) ? void 0 : "is not a decimal string";
var fileTime = (value) => typeof value === "string" && /^-?\d+$/.test(value) ? void 0 : "is not a decimal string";
var text = (value) => typeof value === "string" ? void 0 : "is not a string";
var name = (value) => typeof value !== "string" ? "is not a string" : value.includes("\0") ? "holds a NUL byte" : void 0;
var texts = (value) => Array.isArray(value) && value.every((item) => typeof item === "string") ? void 0 : "is not a list of strings";
var one = (value) => value === 1 ? void 0 : "is not 1";
var version = (value) => value === journalVersion ? void 0 : `is ${JSON.stringify(value) ?? "missing"}, not ${journalVersion}: the journal was written by another build of memfs-action, whose format this one does not read: every process of a run must load the preload of the memfs-action that runs it`;
var oneOf = (...values) => (value) => typeof value === "string" && values.includes(value) ? void 0 : `is not one of ${values.join(", ")}`;
var optional = (field) => (value) => value === void 0 ? void 0 : field(value);
var confined = text;
var timed = { t: clock, tf: optional(text), ti: optional(count) };
var shapeOf = {
  begin: { version, pid: count, ppid: count, threadId: count, argv: texts, execArgv: optional(texts), cwd: text, wallNs: clock, monoNs: clock },
  content: {
    ...timed,
    path: confined,
    ino: count,
    mode: count,
    uid: count,
    gid: count,
    size: count,
    atimeNs: fileTime,
    mtimeNs: fileTime,
    sup: optional(one),
    at: optional(count)
  },
  mkdir: { ...timed, path: confined, mode: count, uid: count, gid: count },
  symlink: { ...timed, path: confined, target: name, uid: count, gid: count },
  link: { ...timed, existingPath: confined, newPath: confined },
  remove: { ...timed, path: confined },
  rename: { ...timed, from: confined, to: confined },
  metadata: { ...timed, path: confined, mode: count, uid: count, gid: count, atimeNs: fileTime, mtimeNs: fileTime },
  test: { ...timed, id: count, name: text, failed: optional(one), passed: optional(one) },
  note: { ...timed, detail: text },
  // The quota's path is the file a refused write was for, shown in a gap; it may be empty.
  quota: { ...timed, path: name, requestedBytes: count, quotaBytes: count, refused: count },
  unsaved: { ...timed, path: confined, ino: count },
  spool: {
    ...timed,
    path: name,
    requestedBytes: count,
    bound: oneOf("cap", "disk", "memory"),
    limitBytes: count,
    reserveBytes: count,
    where: text,
    refused: count
  },
  // The spare frame's padding is its data, never read; the lost record written over it is shown in a gap.
  spare: { ...timed },
  lost: { ...timed, lost: count, code: text, kind: text, path: name, unended: optional(one) },
  end: { ...timed }
};
var shapes = Object.fromEntries(Object.entries(shapeOf).map(([k, fields]) => [k, Object.entries(fields)]));
var pathFields = {
  content: ["path"],
  mkdir: ["path"],
  symlink: ["path"],
  link: ["existingPath", "newPath"],
  remove: ["path"],
  rename: ["from", "to"],
  metadata: ["path"],
  unsaved: ["path"]
};
var replacingFields = {
  content: ["path"],
  symlink: ["path"],
  link: ["newPath"],
  remove: ["path"],
  rename: ["from", "to"]
};
function checkRecord(value, roots) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "the header is not an object";
  const record = value;
  const kind = record.k;
  if (typeof kind !== "string" || !Object.hasOwn(shapes, kind)) return `unknown kind ${JSON.stringify(kind) ?? "undefined"}`;
  const k = kind;
  for (const [field, check] of shapes[k]) {
    const problem = check(record[field]);
    if (problem !== void 0) return `${k}: ${field} ${problem}`;
  }
  for (const field of pathFields[k] ?? []) {
    const problem = wellFormedPath(record[field]);
    if (problem !== void 0) return `${k}: ${field} ${JSON.stringify(record[field])} ${problem}`;
  }
  for (const field of replacingFields[k] ?? []) {
    if (roots.includes(record[field])) return `${k}: ${field} ${JSON.stringify(record[field])} would replace a root of the run`;
  }
  for (const field of pathFields[k] ?? []) {
    const p = record[field];
    if (!roots.some((root) => isAtOrUnder(p, root))) return { outsideRoots: p };
  }
  return record;
}
function wellFormedPath(p) {
  if (p.includes("\0")) return "holds a NUL byte";
  if (!p.startsWith("/")) return "is not absolute";
  if (!isNormalised(p)) return "is not normalised";
  return void 0;
}
function isNormalised(p) {
  if (p === "/") return true;
  return !(p.endsWith("/") || p.includes("//") || p.includes("/./") || p.includes("/../") || p.endsWith("/.") || p.endsWith("/.."));
}
function isAtOrUnder(candidate, root) {
  return candidate === root || candidate.startsWith(root === "/" ? "/" : `${root}/`);
}
function checkContinuation(at, continuedLength) {
  return at <= continuedLength ? void 0 : `content: at ${at} lies beyond the ${continuedLength} bytes it continues`;
}
function isTrustedJournal(stat, runUid) {
  return stat.uid === runUid;
}
function foreignJournalDetail(stat, runUid) {
  return `owned by user ${stat.uid}, not by the run's user ${runUid}: ignored, as only the run's own processes may add to the report`;
}
function outsideRootsDetail(count2, first) {
  const changes = count2 === 1 ? "1 change" : `${count2} changes`;
  return `${changes} to paths outside the run's roots (first: ${first}), reached through a symlink inside a root, stayed in memory and are not in this report`;
}
function refusedRecordDetail(recordNumber, reason) {
  return `record ${recordNumber} refused (${reason}); it and the rest of this journal were ignored`;
}

// src/changes/spool-space.ts
var os2 = () => loadBuiltin("node:os");
var MiB = 1024 * 1024;
var minReserve = 256 * MiB;
var reserveShare = 0.05;
var maxReserveShare = 0.25;
var maxStep = 8 * MiB;
var minStep = 64 * 1024;
var sharedMemoryMinimum = 1024 * MiB;
var TMPFS_MAGIC = 16914836;
var RAMFS_MAGIC = 2240043254;
var fsNames = {
  [TMPFS_MAGIC]: "tmpfs",
  [RAMFS_MAGIC]: "ramfs",
  61267: "ext4",
  1481003842: "xfs",
  2435016766: "btrfs",
  2035054128: "overlayfs",
  801189825: "zfs",
  26985: "nfs",
  1702057286: "fuse",
  16914839: "v9fs"
};
var thisSystem = {
  statfs: (dir) => originalFs.statfsSync(dir),
  availableMemory: () => process.availableMemory?.() ?? os2().freemem(),
  totalMemory() {
    const constrained = process.constrainedMemory?.() ?? 0;
    const total = os2().totalmem();
    return constrained > 0 && constrained < total ? constrained : total;
  },
  spoolBytes(dir) {
    let total = 0;
    for (const name2 of originalFs.readdirSync(dir)) {
      try {
        total += originalFs.statSync(path.join(dir, name2)).size;
      } catch {
      }
    }
    return total;
  },
  nowMs: () => Date.now()
};
function reserveFor(size) {
  return Math.floor(Math.min(Math.max(minReserve, size * reserveShare), size * maxReserveShare));
}
function isInRam(type) {
  return type === TMPFS_MAGIC || type === RAMFS_MAGIC;
}
function readSpace(dir, capBytes, system = thisSystem) {
  let best = { room: Number.POSITIVE_INFINITY, bound: "disk", reserveBytes: 0 };
  const consider = (room, bound, reserveBytes) => {
    if (room < best.room) best = { room, bound, reserveBytes };
  };
  const stat = system.statfs(dir);
  const size = stat.blocks * stat.bsize;
  if (size > 0) {
    const reserve = reserveFor(size);
    consider(stat.bavail * stat.bsize - reserve, "disk", reserve);
  }
  if (isInRam(stat.type)) {
    const reserve = reserveFor(system.totalMemory());
    consider(system.availableMemory() - reserve, "memory", reserve);
  }
  if (capBytes !== void 0) consider(capBytes - system.spoolBytes(dir), "cap", 0);
  return best;
}
function describeSpoolFilesystem(dir, system = thisSystem) {
  const parent = path.dirname(dir);
  let type;
  try {
    type = system.statfs(dir).type;
  } catch {
    return parent;
  }
  const name2 = fsNames[type];
  if (isInRam(type)) return `${parent} (${name2}, in RAM)`;
  return name2 === void 0 ? parent : `${parent} (${name2})`;
}
function sharedMemoryWithRoom(capBytes, system = thisSystem) {
  const dir = "/dev/shm";
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
    if (!fs.statSync(dir).isDirectory()) return void 0;
    const wanted = Math.max(sharedMemoryMinimum, capBytes ?? 0);
    return readSpace(dir, void 0, system).room >= wanted ? dir : void 0;
  } catch {
    return void 0;
  }
}

// src/changes/announcements.ts
var fileName = "announcements";
function announcementsFile(spoolDir) {
  return path.join(spoolDir, fileName);
}
function createAnnouncements(spoolDir) {
  originalFs.closeSync(originalFs.openSync(announcementsFile(spoolDir), "wx", 384));
}
var { O_RDONLY, O_NOFOLLOW: O_NOFOLLOW2, O_NONBLOCK } = fs.constants;
var chunkBytes = 16 * 1024;

// src/changes/spool.ts
var journalSuffix = ".journal";
function createSpool(o = {}) {
  const parent = sharedMemoryWithRoom(o.limitBytes) ?? tmpdir();
  const spoolDir = fs.mkdtempSync(path.join(parent, "memfs-"));
  createAnnouncements(spoolDir);
  return spoolDir;
}
function removeSpool(spoolDir) {
  fs.rmSync(spoolDir, { recursive: true, force: true });
}
function journalFiles(spoolDir) {
  let names;
  try {
    names = originalFs.readdirSync(spoolDir);
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  return names.filter((name2) => name2.endsWith(journalSuffix)).sort().map((name2) => path.join(spoolDir, name2));
}

// src/changes/read-journals.ts
var { O_RDONLY: O_RDONLY2, O_NOFOLLOW: O_NOFOLLOW3, O_NONBLOCK: O_NONBLOCK2 } = fs.constants;
var journalOpenFlags = O_RDONLY2 | (O_NOFOLLOW3 ?? 0) | (O_NONBLOCK2 ?? 0);
function readSpool2(spoolDir, o = {}) {
  const journals = [];
  const changes = [];
  const unreadable = [];
  const descriptors = [];
  const files = journalFiles(spoolDir);
  const runUid = files.length === 0 ? void 0 : o.runUid ?? originalFs.statSync(spoolDir).uid;
  for (const file of files) {
    let fd;
    let size;
    try {
      fd = originalFs.openSync(file, journalOpenFlags);
    } catch (error) {
      if (error.code !== "ENOENT") unreadable.push({ file, detail: error.message });
      continue;
    }
    try {
      const stat = originalFs.fstatSync(fd);
      if (!stat.isFile() || runUid !== void 0 && !isTrustedJournal(stat, runUid)) {
        unreadable.push({ file, detail: stat.isFile() ? foreignJournalDetail(stat, runUid) : "not a regular file: ignored" });
        originalFs.closeSync(fd);
        continue;
      }
      size = stat.size;
      const read = readJournalFile(file, fd, size, o.roots);
      journals.push(read.journal);
      for (const change of read.changes) changes.push(change);
      if (read.detail !== void 0) unreadable.push({ file, detail: read.detail });
      if (read.holdsContent) descriptors.push(fd);
      else originalFs.closeSync(fd);
    } catch (error) {
      originalFs.closeSync(fd);
      unreadable.push({ file, detail: error.message });
    }
  }
  changes.sort((a, b) => a.time < b.time ? -1 : a.time > b.time ? 1 : 0);
  return {
    journals,
    changes,
    unreadable,
    close() {
      for (const fd of descriptors.splice(0)) {
        try {
          originalFs.closeSync(fd);
        } catch {
        }
      }
    }
  };
}
function readJournalFile(file, fd, size, roots) {
  const reader = new JournalReader(file, fd, roots);
  const changes = reader.readTo(size);
  return { journal: reader.journal, changes, holdsContent: reader.holdsContent, ...reader.detail !== void 0 ? { detail: reader.detail } : {} };
}
var JournalReader = class {
  constructor(file, fd, roots) {
    this.file = file;
    this.fd = fd;
    this.roots = roots;
    this.journal = { file, ended: false, tornBytes: 0, notes: [], changeCount: 0, unsaved: [], tests: /* @__PURE__ */ new Map() };
  }
  file;
  fd;
  roots;
  journal;
  /** A content record points into the file: its descriptor must stay open. */
  holdsContent = false;
  /** Why reading stopped for good, when it did for a reason other than a frame still being written. */
  detail;
  /** Offset just past the last whole frame read. */
  offset = 0;
  lastLink = /* @__PURE__ */ new Map();
  /** The unsaved records and the content records after the first of them, in order: all unsavedAtEnd needs. */
  saves = [];
  seq = 0;
  close() {
    try {
      originalFs.closeSync(this.fd);
    } catch {
    }
  }
  /** The changes of the frames completed between the last call and `size`; none once the journal was refused. */
  readTo(size) {
    const changes = [];
    if (this.journal.refused !== void 0 || this.detail !== void 0 || size <= this.offset) return changes;
    const { journal, lastLink, saves, roots, fd } = this;
    const awaitingBytes = [];
    const scan = scanFrames(fd, size, (frame) => {
      const checked = roots === void 0 ? ownRecord(frame.header) : checkRecord(frame.header, roots);
      if (typeof checked === "string") {
        journal.refused = refusedRecordDetail(this.seq + 1, checked);
        return false;
      }
      if ("outsideRoots" in checked) {
        this.seq++;
        if (journal.outside) journal.outside.count++;
        else journal.outside = { count: 1, first: checked.outsideRoots };
        return;
      }
      const record = checked;
      const at = this.seq++;
      switch (record.k) {
        case "begin":
          journal.begin = record;
          return;
        case "end":
          journal.ended = true;
          return;
        case "note":
          journal.notes.push(record.detail);
          return;
        case "test": {
          const known = journal.tests.get(record.id) ?? { name: record.name.slice(0, maxTestNameLength) };
          if (record.failed) known.failed = true;
          if (record.passed) known.passed = true;
          journal.tests.set(record.id, known);
          return;
        }
        case "unsaved":
          saves.push(record);
          return;
        case "quota": {
          const first = journal.quota;
          journal.quota = first ? { ...first, refused: Math.max(first.refused, record.refused) } : { path: record.path, requestedBytes: record.requestedBytes, quotaBytes: record.quotaBytes, refused: record.refused };
          return;
        }
        case "spool": {
          const { k: _k, t: _t, tf: _tf, ...refusal } = record;
          journal.spool = journal.spool ? { ...journal.spool, refused: Math.max(journal.spool.refused, record.refused) } : refusal;
          return;
        }
        case "lost": {
          const { k: _k, t: _t, tf: _tf, ...lost } = record;
          journal.lost = lost;
          return;
        }
        case "spare":
          return;
      }
      const change = { record, journal, seq: at, time: BigInt(record.t) };
      changes.push(change);
      if (record.k !== "content") return;
      if (saves.length > 0) saves.push(record);
      if (record.sup) {
        awaitingBytes.push(change);
        return;
      }
      const base = record.at === void 0 ? void 0 : lastLink.get(record.ino);
      const continuation = record.at === void 0 || roots === void 0 ? void 0 : checkContinuation(record.at, base?.size ?? 0);
      if (continuation !== void 0) {
        changes.pop();
        journal.refused = refusedRecordDetail(at + 1, continuation);
        return false;
      }
      const piece = { fd, offset: frame.dataOffset, length: frame.dataLength };
      if (frame.dataLength > 0) this.holdsContent = true;
      const link = new ContentLink(piece, base, record.at, record.size);
      lastLink.set(record.ino, link);
      change.content = link;
    }, this.offset);
    for (const change of awaitingBytes) change.content = lastLink.get(change.record.ino) ?? emptyContent;
    this.offset = scan.end;
    journal.tornBytes = scan.tornBytes;
    if (scan.stoppedAt !== void 0) this.detail ??= `${scan.stoppedAt}: the rest of this journal was not read`;
    journal.changeCount += changes.length;
    journal.unsaved = unsavedAtEnd(saves);
    return changes;
  }
};
function unsavedAtEnd(records) {
  const pending = /* @__PURE__ */ new Map();
  for (const record of records) {
    if (record.k === "unsaved") pending.set(record.ino, record.path);
    else if (record.k === "content") pending.delete(record.ino);
  }
  return [...new Set(pending.values())];
}
function ownRecord(header) {
  if (typeof header !== "object" || header === null) return "the header is not an object";
  return typeof header.k === "string" ? header : "the header has no kind";
}

// src/changes/file-hash.ts
import { createHash } from "node:crypto";
import fs7 from "node:fs";
function sha256OfFile(target) {
  try {
    const hash = createHash("sha256");
    const fd = fs7.openSync(onDisk(target), "r");
    try {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      for (let n; (n = fs7.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
    } finally {
      fs7.closeSync(fd);
    }
    return hash.digest("hex");
  } catch {
    return void 0;
  }
}

// src/changes/fold.ts
var defaultTransientCap = 1024 * 1024;
function foldJournals(o) {
  const spool = readSpool2(o.spoolDir, { roots: o.roots.map((root) => root.path), ...process.getuid ? { runUid: process.getuid() } : {} });
  const owner = {};
  forgetDiskAnswers(owner);
  try {
    return foldChanges(spool.changes, {
      spoolDir: o.spoolDir,
      roots: o.roots,
      journals: spool.journals,
      unreadable: spool.unreadable,
      transientContentCap: o.transientContentCap ?? defaultTransientCap,
      release: () => spool.close()
    });
  } catch (error) {
    spool.close();
    throw error;
  } finally {
    endDiskAnswers(owner);
  }
}
function foldChanges(changes, o) {
  const model = new FoldModel();
  const writers = new WriterTable();
  const history = /* @__PURE__ */ new Map();
  const madeInRun = /* @__PURE__ */ new Map();
  const touch = (target, writer2, at) => {
    const known = history.get(target);
    if (!known) history.set(target, { writers: [writer2], last: writer2, changedAt: at });
    else {
      if (!known.writers.includes(writer2)) known.writers.push(writer2);
      known.last = writer2;
      known.changedAt = at;
    }
  };
  const pending = changes.splice(0);
  for (let i = 0; i < pending.length; i++) {
    const change = pending[i];
    pending[i] = void 0;
    const writer2 = writers.of(change);
    const at = wallTime(change);
    const applied = applyChange(model, change, at);
    for (const [oldPath, newPath] of applied.moved) {
      const known = history.get(oldPath);
      if (known) for (const w of known.writers) touch(newPath, w, known.changedAt);
    }
    for (const [target, node] of applied.placed) {
      if (madeInRun.has(target) || madeInRun.has(parentOf2(target)) || !diskLstat(target)) madeInRun.set(target, node);
      touch(target, writer2, at);
    }
    for (const target of applied.touched) touch(target, writer2, at);
  }
  const roots = o.roots.slice().sort((a, b) => b.path.length - a.path.length);
  const result = [];
  const bytes = /* @__PURE__ */ new Map();
  const describe2 = (target, change, node) => {
    const root = rootOf(target, roots);
    const entry = {
      path: target,
      root: root.label,
      relativePath: path9.relative(root.path, target).split(path9.sep).join("/"),
      change,
      type: node?.type ?? "other",
      mode: (node?.mode ?? 0) & 4095,
      size: node?.size ?? 0
    };
    const known = history.get(target) ?? historyOfAncestor(target, history);
    if (known) {
      entry.firstWriter = known.writers[0];
      entry.lastWriter = known.last;
      entry.writers = known.writers.slice();
      entry.changedAtNs = String(known.changedAt);
      const test = writers.list[known.last]?.test;
      if (test !== void 0) entry.test = test;
    }
    return entry;
  };
  const liveNodes = /* @__PURE__ */ new Set();
  const pathsOfNode = /* @__PURE__ */ new Map();
  for (const [target, node] of model.entries) {
    liveNodes.add(node);
    pathsOfNode.set(node, [...pathsOfNode.get(node) ?? [], target]);
  }
  for (const [target, node] of model.entries) {
    const disk = madeInRun.has(target) ? void 0 : diskLstat(target);
    let entry;
    if (!disk) {
      entry = describe2(target, "created", node);
    } else {
      const comparison = compareWithDisk(target, node, disk);
      if (!comparison.contentChanged && !comparison.metadataChanged) continue;
      entry = describe2(target, "modified", node);
      entry.contentChanged = comparison.contentChanged;
      entry.metadataChanged = comparison.metadataChanged;
      if (disk.isFile()) entry.originalSha256 = sha256OfFile(target);
    }
    if (node.type === "file") {
      const content = contentOf(node);
      entry.sha256 = hashOf(node) ?? sha256Of(emptyContent);
      if (content) bytes.set(entry, content);
    }
    if (node.type === "symlink") entry.target = node.target;
    const links = pathsOfNode.get(node);
    if (node.type === "file" && links.length > 1) entry.linkedWith = links.filter((p) => p !== target).sort();
    result.push(entry);
  }
  const reported = new Set(result.map((c) => c.path));
  for (const hiddenPath of [...model.hidden].sort()) {
    walkDisk(hiddenPath, (target, stat) => {
      if (model.entries.has(target) || reported.has(target)) return;
      reported.add(target);
      const mode = Number(stat.mode);
      const entry = describe2(target, "deleted", { ...emptyNode(kindOfMode(mode)), mode, size: Number(stat.size) });
      if (stat.isFile()) entry.originalSha256 = sha256OfFile(target);
      if (stat.isSymbolicLink()) entry.target = readLink(target);
      result.push(entry);
    });
  }
  for (const [target, node] of madeInRun) {
    if (model.entries.has(target) || liveNodes.has(node) || reported.has(target)) continue;
    const entry = describe2(target, "transient", node);
    if (node.type === "file" && node.content) {
      if (node.size <= o.transientContentCap) {
        entry.sha256 = hashOf(node);
        bytes.set(entry, node.content);
      } else {
        entry.contentOmitted = "too-large";
      }
    }
    if (node.type === "symlink") entry.target = node.target;
    result.push(entry);
  }
  const times = new Map(result.map((c) => [c, BigInt(c.changedAtNs ?? 0)]));
  result.sort((a, b) => compareTimes(times.get(a), times.get(b)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const usedRoots = rootsUsed(o.roots, result);
  return { roots: usedRoots, writers: writersOfChanges(writers.list, result), changes: result, gaps: gapsOf(o), content: contentSource(bytes, o.release) };
}
function contentSource(bytes, release) {
  return {
    read: (change) => {
      const found = bytes.get(change);
      return found === void 0 ? void 0 : readWholeContent(found);
    },
    open: (change) => bytes.get(change),
    close: release
  };
}
function writersOfChanges(all, changes) {
  const used = /* @__PURE__ */ new Set();
  for (const change of changes) for (const index of change.writers ?? []) used.add(index);
  const renumbered = /* @__PURE__ */ new Map();
  const kept = [];
  all.forEach((writer2, index) => {
    if (!used.has(index)) return;
    renumbered.set(index, kept.length);
    kept.push(writer2);
  });
  for (const change of changes) {
    if (change.writers !== void 0) change.writers = change.writers.map((index) => renumbered.get(index));
    if (change.firstWriter !== void 0) change.firstWriter = renumbered.get(change.firstWriter);
    if (change.lastWriter !== void 0) change.lastWriter = renumbered.get(change.lastWriter);
  }
  return kept;
}
function compareWithDisk(target, node, disk) {
  const diskMode = Number(disk.mode);
  if (kindOfMode(diskMode) !== node.type) return { contentChanged: true, metadataChanged: true };
  const metadataChanged = (diskMode & 4095) !== (node.mode & 4095) || Number(disk.uid) !== node.uid || Number(disk.gid) !== node.gid || node.timesSet && node.mtimeNs !== void 0 && node.mtimeNs !== disk.mtimeNs;
  let contentChanged = false;
  if (node.type === "file") {
    if (node.content) contentChanged = node.size !== Number(disk.size) || hashOf(node) !== sha256OfFile(target);
    else if (node.lowerPath !== void 0 && node.lowerPath !== target) contentChanged = sha256OfFile(node.lowerPath) !== sha256OfFile(target);
  } else if (node.type === "symlink") {
    contentChanged = node.target !== readLink(target);
  }
  return { contentChanged, metadataChanged };
}
function contentOf(node) {
  if (node.content) return node.content;
  if (node.lowerPath === void 0) return void 0;
  return diskContent(node.lowerPath, node.size);
}
function diskContent(target, size) {
  return {
    size,
    readInto(buffer, offset, length, position) {
      const fd = fs8.openSync(onDisk(target), "r");
      try {
        return readAt(fd, buffer, offset, Math.min(length, size - position), position);
      } finally {
        fs8.closeSync(fd);
      }
    }
  };
}
var hashes = /* @__PURE__ */ new WeakMap();
function hashOf(node) {
  if (hashes.has(node)) return hashes.get(node);
  const content = contentOf(node);
  let hash;
  try {
    hash = content === void 0 ? void 0 : sha256Of(content);
  } catch {
    hash = void 0;
  }
  hashes.set(node, hash);
  return hash;
}
function sha256Of(content) {
  const hash = createHash2("sha256");
  forEachChunk(content, (chunk) => hash.update(chunk));
  return hash.digest("hex");
}
function walkDisk(target, visit) {
  const stat = diskLstat(target);
  if (!stat) return;
  visit(target, stat);
  if (!stat.isDirectory()) return;
  let names = [];
  try {
    names = readNames2(target);
  } catch {
    return;
  }
  for (const name2 of names.sort()) walkDisk(path9.join(target, name2), visit);
}
function historyOfAncestor(target, history) {
  for (let dir = path9.dirname(target); dir !== path9.dirname(dir); dir = path9.dirname(dir)) {
    const known = history.get(dir);
    if (known) return known;
  }
  return history.get("/");
}
var otherRoot = { label: "other", path: "/" };
function rootOf(target, rootsLongestFirst) {
  return rootsLongestFirst.find((root) => target === root.path || target.startsWith(root.path === "/" ? "/" : root.path + "/")) ?? otherRoot;
}
function rootsUsed(roots, changes) {
  const labels = new Set(roots.map((r) => r.label));
  return changes.some((c) => !labels.has(c.root)) ? [...roots, otherRoot] : roots.slice();
}
function compareTimes(x, y) {
  return x < y ? -1 : x > y ? 1 : 0;
}
function parentOf2(target) {
  const slash = target.lastIndexOf("/");
  return slash <= 0 ? "/" : target.slice(0, slash);
}
var WriterTable = class {
  list = [];
  index = /* @__PURE__ */ new Map();
  /** The test file of each (journal, path): the stack is taken at a journal's first record for a path only. */
  testFiles = /* @__PURE__ */ new Map();
  of(change) {
    const begin = change.journal.begin;
    const pid = begin?.pid ?? 0;
    const command = begin ? commandLineOf(begin) : "(unknown process)";
    const testFile = this.testFileOf(change);
    const test = change.record.ti === void 0 ? void 0 : change.journal.tests.get(change.record.ti);
    const key = `${pid}\0${command}\0${testFile ?? ""}\0${test?.name ?? ""}`;
    let at = this.index.get(key);
    if (at === void 0) {
      at = this.list.length;
      const writer2 = { pid, command };
      if (testFile) writer2.testFile = testFile;
      if (test) {
        writer2.test = test.name;
        const outcome = test.failed ? "failed" : test.passed ? "passed" : void 0;
        if (outcome) writer2.testOutcome = outcome;
      }
      this.list.push(writer2);
      this.index.set(key, at);
    }
    return at;
  }
  testFileOf(change) {
    const record = change.record;
    const subject = record.k === "link" ? record.newPath : record.k === "rename" ? record.to : record.path;
    let files = this.testFiles.get(change.journal);
    if (!files) this.testFiles.set(change.journal, files = /* @__PURE__ */ new Map());
    if (record.tf) files.set(subject, record.tf);
    return files.get(subject);
  }
};
function gapsOf(o) {
  const gaps = [];
  for (const journal of o.journals) {
    const pid = journal.begin?.pid ?? pidOfJournalName(journal.file);
    const command = journal.begin ? commandLineOf(journal.begin) : void 0;
    const who = { ...pid !== void 0 ? { pid } : {}, ...command !== void 0 ? { command } : {} };
    if (journal.begin === void 0 && journal.changeCount === 0 && journal.refused === void 0 && !(pid !== void 0 && isAlive(pid))) {
      gaps.push({ ...who, reason: "spool-full", detail: `${path9.basename(journal.file)}: process ${pid ?? "?"} could not write to its journal at all (the spool's filesystem refused its first record): what it changed is missing` });
      continue;
    }
    for (const note of journal.notes) gaps.push({ ...who, reason: "other", detail: note });
    if (journal.quota) gaps.push({ ...who, reason: "quota-exceeded", detail: quotaDetail(journal.quota) });
    if (journal.outside) gaps.push({ ...who, reason: "other", detail: outsideRootsDetail(journal.outside.count, journal.outside.first) });
    if (journal.spool) gaps.push({ ...who, reason: "spool-full", detail: spoolDetail(journal.spool) });
    if (journal.lost && journal.lost.lost > 0) {
      gaps.push({ ...who, reason: "spool-full", detail: lostDetail(journal.lost, describeSpoolFilesystem(o.spoolDir)) });
    }
    if (journal.refused !== void 0) {
      gaps.push({ ...who, reason: "journal-unreadable", detail: `${path9.basename(journal.file)}: ${journal.refused}` });
      continue;
    }
    if (journal.ended || journal.lost?.unended) continue;
    if (pid !== void 0 && isAlive(pid)) {
      gaps.push({ ...who, reason: "other", detail: `process ${pid} was still running when the changes were collected: what it wrote later is missing` });
    } else if (journal.unsaved.length > 0 || journal.tornBytes > 0) {
      gaps.push({ ...who, reason: "process-died-before-flush", detail: lossDetail(pid, journal) });
    }
  }
  for (const { file, detail } of o.unreadable) gaps.push({ reason: "journal-unreadable", detail: `${path9.basename(file)}: ${detail}` });
  return gaps;
}
function pidOfJournalName(file) {
  const match = /^(\d+)-/.exec(path9.basename(file));
  return match ? Number(match[1]) : void 0;
}
var namedFiles = 3;
function lossDetail(pid, journal) {
  const files = journal.unsaved;
  const torn = journal.tornBytes > 0;
  const listed = files.slice(0, namedFiles).join(", ") + (files.length > namedFiles ? ` and ${files.length - namedFiles} more` : "");
  const how = [];
  if (files.length > 0) how.push(`with unsaved writes to ${files.length === 1 ? "a file" : "files"} it still had open (${listed})`);
  if (torn) how.push(`while writing a change to its journal (${journal.tornBytes} bytes)`);
  const lost = files.length > 0 && torn ? "both are" : torn ? "that change is" : "those writes are";
  return `process ${pid ?? "?"} ended ${how.join(" and ")}: ${lost} missing`;
}
function quotaDetail(quota) {
  const writes = quota.refused === 1 ? "1 write" : `${quota.refused} writes`;
  const where = quota.path === "" ? "" : `, first at ${quota.path}`;
  return `${writes} refused by the memory quota of ${formatBytes2(quota.quotaBytes)} per process${where} (${formatBytes2(quota.requestedBytes)} needed); raise it with --quota / the quota input / MEMFS_QUOTA`;
}
function spoolDetail(spool) {
  const writes = spool.refused === 1 ? "1 write" : `${spool.refused} writes`;
  const first = spool.path === "" ? "" : `, first at ${spool.path}`;
  const inRam = spool.where.includes("in RAM");
  const keeps = spool.bound === "disk" ? `, which keeps ${formatBytes2(spool.reserveBytes)} free` : spool.bound === "memory" ? `, which keeps ${formatBytes2(spool.reserveBytes)} of memory available` : "";
  const fix = spool.bound === "cap" ? "raise it with --spool-limit / the spool-limit input / MEMFS_SPOOL_LIMIT" : inRam ? "free memory (fewer test processes at once, a larger machine), or have the tests write less" : `free space there, or have the tests write less`;
  return `${writes} refused: the run's spool reached its limit of ${formatBytes2(spool.limitBytes)} on ${spool.where}${keeps}${first} (${formatBytes2(spool.requestedBytes)} needed); ${fix}`;
}
function lostDetail(lost, where) {
  const changes = lost.lost === 1 ? "1 change" : `${lost.lost} changes`;
  const first = lost.path === "" ? "" : `, the first a ${lost.kind} change of ${lost.path}`;
  const free = where.includes("in RAM") ? "free memory" : "free space there";
  const why = lost.code === "ENOSPC" ? "was full" : lost.code === "EDQUOT" ? "reached its disk quota" : "refused them";
  return `${changes} could not be journaled because the spool's filesystem ${why} (${lost.code} on ${where})${first}: they are missing from this report; ${free}, or set --spool-limit / the spool-limit input below its free space so that such writes fail with ENOSPC in the test instead`;
}
function formatBytes2(bytes) {
  for (const [unit, size] of [["GiB", 1024 ** 3], ["MiB", 1024 ** 2], ["KiB", 1024]]) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
    const reached = size === 1024 ? bytes >= size : Number((bytes / size).toFixed(1)) >= 1;
    if (reached) return `${(bytes / size).toFixed(1)} ${unit}`;
  }
  return `${bytes} bytes`;
}
function commandLineOf(begin) {
  const [program = "node", ...args] = begin.argv;
  return [program, ...begin.execArgv ?? [], ...args].join(" ");
}
function isAlive(pid) {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// src/shim/command-path.ts
import { rmSync as rmSync2 } from "node:fs";

// src/shim/node-shim.ts
import { accessSync, chmodSync, constants as constants2, mkdtempSync, rmSync, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import path10 from "node:path";

// src/preload/node-options.ts
function withPreload(preloadPath, existing) {
  const require2 = `--require ${quoteForNodeOptions(preloadPath)}`;
  const theirs = existing?.trim();
  return theirs ? `${require2} ${theirs}` : require2;
}
function quoteForNodeOptions(value) {
  return /[\s"\\]/.test(value) ? `"${value.replace(/["\\]/g, "\\$&")}"` : value;
}

// src/shim/node-shim.ts
var nodeNames = ["node", "nodejs"];
function createNodeShims(parents, pathValue, settings) {
  const targets = nodeNames.flatMap((name2) => {
    const target = findOnPath(name2, pathValue);
    return target === void 0 ? [] : [{ name: name2, target }];
  });
  if (targets.length === 0) return void 0;
  for (const parent of parents) {
    let dir;
    try {
      dir = mkdtempSync(path10.join(parent, "memfs-bin-"));
      for (const { name: name2, target } of targets) {
        const file = path10.join(dir, name2);
        writeFileSync2(file, shimScript({ ...settings, target }), { mode: 448 });
        chmodSync(file, 448);
        accessSync(file, constants2.X_OK);
      }
      return { dir, shims: targets };
    } catch {
      if (dir !== void 0) rmSync(dir, { recursive: true, force: true });
    }
  }
  return void 0;
}
function pathWithShims(shims, pathValue) {
  return pathValue ? `${shims.dir}${path10.delimiter}${pathValue}` : shims.dir;
}
function findOnPath(name2, pathValue) {
  for (const folder of (pathValue ?? "").split(path10.delimiter)) {
    if (!path10.isAbsolute(folder)) continue;
    const candidate = path10.join(folder, name2);
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants2.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}
function shimScript(o) {
  const requirePreload = `--require ${quoteForNodeOptions(o.preloadPath)}`;
  const lines = [
    "#!/bin/sh",
    "# memfs-action: the real node, with the run's in-memory overlay preloaded (see docs/configuration.md).",
    `preload=${shellQuote(o.preloadPath)}`,
    "# The preload first; the options a script set itself after it.",
    "case ${NODE_OPTIONS-} in",
    '  *"$preload"*) ;;',
    `  *) NODE_OPTIONS=${shellQuote(requirePreload)}"\${NODE_OPTIONS:+ $NODE_OPTIONS}"; export NODE_OPTIONS ;;`,
    "esac",
    "# The run's configuration where the environment lost it; a variable that is set, even empty, is kept."
  ];
  for (const [name2, value] of Object.entries(o.variables)) {
    if (!/^[A-Z_][A-Z0-9_]*$/.test(name2)) throw new Error(`memfs-action: ${JSON.stringify(name2)} is not a variable name a shell can set.`);
    lines.push(`[ -n "\${${name2}+set}" ] || { ${name2}=${shellQuote(value)}; export ${name2}; }`);
  }
  lines.push(`exec ${shellQuote(o.target)} "$@"`, "");
  return lines.join("\n");
}
function shellQuote(value) {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

// src/shim/command-path.ts
function shimsForCommand(env, preloadPath, parents) {
  const variables = {};
  for (const name2 of Object.values(ENV)) {
    const value = env[name2];
    if (name2 !== ENV.disable && value !== void 0) variables[name2] = value;
  }
  const shims = createNodeShims(parents, env.PATH, { preloadPath, variables });
  if (shims === void 0) return void 0;
  env.PATH = pathWithShims(shims, env.PATH);
  return { dir: shims.dir, remove: () => rmSync2(shims.dir, { recursive: true, force: true }) };
}

// src/report/fold.ts
function wrapWords(text3, width, indent = "") {
  const lines = [];
  let line = "";
  for (const word of text3.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    const limit = lines.length === 0 ? width : width - indent.length;
    if (Array.from(candidate).length <= limit || line === "") line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines.map((l, i) => i === 0 ? l : indent + l);
}
function foldText(text3, max, rest = "the whole text is in manifest.json") {
  if (text3.length <= max) return text3;
  const marker = ` \u2026 (${rest})`;
  const budget = Math.max(0, max - marker.length);
  const head = text3.slice(0, budget + 1);
  const sentenceEnd = Math.max(head.lastIndexOf(". "), head.lastIndexOf("; "), head.lastIndexOf(": "));
  const wordEnd = head.lastIndexOf(" ");
  const cut = sentenceEnd > budget / 2 ? sentenceEnd + 1 : wordEnd > 0 ? wordEnd : budget;
  return `${text3.slice(0, cut).trimEnd()}${marker}`;
}

// src/report/job-summary.ts
var defaultMaxBytes = 900 * 1024;
var defaultMaxRows = 250;
var longestText = 300;
var longestWarning = 4e3;
var maxWarnings = 20;
var maxPathsPerTest = 10;
function renderJobSummary(input, o = {}) {
  const maxBytes = o.maxBytes ?? defaultMaxBytes;
  let limits = { rows: o.maxRows ?? defaultMaxRows, listItems: o.maxRows ?? defaultMaxRows, warnings: maxWarnings };
  for (; ; ) {
    const text3 = render(input, limits);
    if (Buffer.byteLength(text3) <= maxBytes) return text3;
    if (limits.rows === 0 && limits.listItems === 0 && limits.warnings === 0) return cutToBytes(text3, maxBytes);
    limits = { rows: Math.floor(limits.rows / 2), listItems: Math.floor(limits.listItems / 2), warnings: Math.floor(limits.warnings / 2) };
  }
}
function render(input, limits) {
  const blocks = [
    heading(input),
    facts(input),
    tests(input, limits.listItems),
    artifact(input),
    diskChanges(input, limits.listItems),
    fileTable(input, limits.rows)
  ];
  blocks.push(pathList("Deleted", deletedRows(input.changeSet), limits.listItems, input));
  blocks.push(pathList("Transient (created and removed during the run)", transientRows(input.changeSet), limits.listItems, input));
  blocks.push(processes(input, limits.listItems));
  blocks.push(warnings(input, limits.warnings));
  return `${blocks.filter((b) => b !== "").join("\n\n")}
`;
}
function heading(input) {
  const icon = input.exitCode === 0 ? "\u2705" : "\u274C";
  return `## ${icon} memfs-action: ${escapeHtml(outcomeSentence(input.exitCode).replace(/^The command/, "the command"))}`;
}
function facts(input) {
  const rows = [
    ["Command", `<code>${text2(input.command)}</code>`],
    ["Exit code", input.exitCode === null ? "none (did not finish)" : String(input.exitCode)],
    ["Duration", formatDuration(input.durationMs)],
    ["Changes", escapeHtml(countsSentence(countChanges2(input.changeSet), " \xB7 "))],
    ...input.changeSet.disk ? [["Real disk", escapeHtml(diskSentence(input.changeSet.disk))]] : [],
    ["Roots", input.changeSet.roots.map((r) => `<code>${text2(r.label)}</code> = <code>${text2(r.path)}</code>`).join("<br>")]
  ];
  const exported = exportCell(input);
  if (exported) rows.push(["Export", exported]);
  return `<table>
${rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join("\n")}
</table>`;
}
function exportCell(input) {
  const a = input.artifact;
  if (a) return `<a href="${escapeHtml(a.url)}">${a.name ? text2(a.name) : `artifact ${a.id}`}</a>`;
  return input.exportDir ? `<code>${text2(input.exportDir)}</code>` : "";
}
function tests(input, maxItems) {
  const lines = testLines(input.changeSet, maxPathsPerTest);
  if (lines.length === 0) return "";
  const shown = lines.slice(0, maxItems);
  const code = (value) => `<code>${escapeHtml(value)}</code>`;
  const items = shown.map((line) => `<li>${testSentence(line, { name: code, path: code }, input.artifact ? "the artifact" : "manifest.json")}</li>`);
  const hidden = lines.length - shown.length;
  if (hidden > 0) items.push(`<li>\u2026 and ${hidden} more (<code>manifest.json</code> lists every one, under <code>tests</code>)</li>`);
  return [`### Tests that changed files (${lines.length})`, "", `<ul>
${items.join("\n")}
</ul>`].join("\n");
}
function artifact(input) {
  const a = input.artifact;
  if (!a) return "";
  const label = a.name ? `${text2(a.name)} (id ${a.id})` : `artifact ${a.id}`;
  const lines = [`### Artifact`, "", `<p><a href="${escapeHtml(a.url)}">${label}</a>: <code>files/</code> holds every changed file under its root, <code>manifest.json</code> lists every change.</p>`];
  if (a.name && a.runId) {
    const repo = a.repository ? ` --repo ${a.repository}` : "";
    lines.push("", `<pre><code>gh run download ${escapeHtml(a.runId)}${escapeHtml(repo)} --name ${text2(a.name)} --dir memfs-report</code></pre>`);
  }
  return lines.join("\n");
}
function diskChanges(input, maxItems) {
  const rows = diskChangeRows(input.changeSet);
  if (rows.length === 0) return "";
  const shown = rows.slice(0, maxItems);
  const items = shown.map(
    (r) => `<li>${r.change} <code>${pathText(r)}</code>${r.size ? ` (${r.size})` : ""}${r.note ? ` <em>(${escapeHtml(r.note)})</em>` : ""}</li>`
  );
  const hidden = rows.length - shown.length;
  if (hidden > 0) items.push(`<li>\u2026 and ${hidden} more (an export's <code>manifest.json</code> lists every one, under <code>diskCheck</code>)</li>`);
  return [
    `### \u26A0\uFE0F Changed on the real disk, outside the overlay (${rows.length})`,
    "",
    `<p>${escapeHtml(outsideOverlayExplanation)}</p>`,
    "",
    `<ul>
${items.join("\n")}
</ul>`
  ].join("\n");
}
function fileTable(input, maxRows2) {
  const rows = touchedRows(input.changeSet);
  if (rows.length === 0) return "### Created or modified\n\nNone.";
  const unlisted = unlistedDirectories(input.changeSet, rows);
  const shown = rows.slice(0, maxRows2);
  const body = shown.map(
    (r) => `<tr><td>${r.change}</td><td><code>${pathText(r)}</code>${r.note ? ` <em>(${escapeHtml(r.note)})</em>` : ""}</td><td align="right">${r.size}</td><td>${writer(r)}</td></tr>`
  );
  const parts = [
    `### Created or modified (${rows.length + unlisted})`,
    "",
    "<table>",
    "<tr><th>Change</th><th>Path</th><th>Size</th><th>Written by</th></tr>",
    ...body,
    "</table>"
  ];
  const hidden = rows.length - shown.length;
  if (hidden > 0) parts.push("", `<p>\u2026 and ${hidden} more in the artifact (<code>manifest.json</code> lists every path).</p>`);
  if (unlisted > 0) {
    parts.push("", `<p>And ${unlisted} director${unlisted === 1 ? "y" : "ies"} holding these paths, not listed (<code>manifest.json</code> lists ${unlisted === 1 ? "it" : "them"}).</p>`);
  }
  return parts.join("\n");
}
function processes(input, maxItems) {
  const rows = processRows(input.changeSet);
  if (rows.length === 0) return "";
  const shown = rows.slice(0, maxItems);
  const body = shown.map(
    (r) => `<tr><td align="right">${r.pid}</td><td>${r.testFiles.length > 0 ? r.testFiles.map((f) => `<code>${text2(f)}</code>`).join("<br>") : escapeHtml(r.label)}</td><td><code>${escapeHtml(foldText(r.command, longestWarning))}</code></td></tr>`
  );
  const hidden = rows.length - shown.length;
  if (hidden > 0) body.push(`<tr><td colspan="3">\u2026 and ${hidden} more (<code>manifest.json</code> lists every one, under <code>writers</code>)</td></tr>`);
  return [
    `<details><summary>Written by: ${rows.length} ${rows.length === 1 ? "process" : "processes"}</summary>`,
    "",
    "<table>",
    "<tr><th>pid</th><th>Test files, or the process</th><th>Command</th></tr>",
    ...body,
    "</table>",
    "</details>"
  ].join("\n");
}
function pathList(title, rows, maxItems, input) {
  if (rows.length === 0) return "";
  const shown = rows.slice(0, maxItems);
  const items = shown.map((r) => `<li><code>${pathText(r)}</code>${r.size ? ` (${r.size})` : ""}</li>`);
  const hidden = rows.length - shown.length;
  if (hidden > 0) items.push(`<li>\u2026 and ${hidden} more in ${input.artifact ? "the artifact" : "the manifest"}</li>`);
  return `<details><summary>${escapeHtml(title)}: ${rows.length}</summary>
<ul>
${items.join("\n")}
</ul>
</details>`;
}
function warnings(input, maxWarnings2) {
  const all = allWarnings(input);
  if (all.length === 0) return "";
  const items = all.slice(0, maxWarnings2).map((w) => `<li>${escapeHtml(foldText(w, longestWarning))}</li>`);
  if (all.length > maxWarnings2) items.push(`<li>\u2026 and ${all.length - maxWarnings2} more (see the step log)</li>`);
  return `### \u26A0\uFE0F Warnings

<ul>
${items.join("\n")}
</ul>`;
}
function pathText(row) {
  return text2(row.path + row.suffix);
}
function writer(row) {
  return row.writtenBy ? `<code>${text2(row.writtenBy)}</code>` : "";
}
function text2(value) {
  return escapeHtml(shorten(value, longestText));
}
function cutToBytes(value, maxBytes) {
  const note = "\n\n(summary cut: too large)\n";
  const budget = Math.max(0, maxBytes - Buffer.byteLength(note));
  let out = "";
  let bytes = 0;
  for (const ch of value) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > budget) break;
    out += ch;
    bytes += size;
  }
  return Buffer.byteLength(out + note) <= maxBytes ? out + note : out;
}

// src/report/terminal.ts
var defaultMaxRows2 = 40;
var maxPathsPerTest2 = 10;
var longestText2 = 160;
var longestWarning2 = 4e3;
var sgr = (open, close) => (s) => `\x1B[${open}m${s}\x1B[${close}m`;
var colours = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39) };
var plain = { bold: (s) => s, dim: (s) => s, red: (s) => s, green: (s) => s, yellow: (s) => s };
function renderTerminalReport(input, o = {}) {
  const useColor = o.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const paint = useColor ? colours : plain;
  const maxRows2 = o.maxRows ?? defaultMaxRows2;
  const width = o.width ?? Infinity;
  const outcome = outcomeSentence(input.exitCode).replace(/^The command/, "memfs-action: the command");
  const lines = [
    paint.bold((input.exitCode === 0 ? paint.green : paint.red)(`${outcome} after ${formatDuration(input.durationMs)}`)),
    `  command: ${clean(input.command)}`,
    `  changes: ${countsSentence(countChanges2(input.changeSet))}`
  ];
  if (input.changeSet.disk) lines.push(`  real disk: ${diskSentence(input.changeSet.disk)}`);
  lines.push(...testSection(input.changeSet, maxRows2, width, paint));
  const touched = touchedRows(input.changeSet);
  if (touched.length > 0) {
    const unlisted = unlistedDirectories(input.changeSet, touched);
    lines.push("", `  created or modified (${touched.length + unlisted}):`, ...table(touched, maxRows2, paint).map((line) => `  ${line}`));
    if (unlisted > 0) lines.push(paint.dim(`    and ${unlisted} director${unlisted === 1 ? "y" : "ies"} holding these (listed in manifest.json)`));
  }
  for (const [title, rows] of [
    ["deleted", deletedRows(input.changeSet)],
    ["transient", transientRows(input.changeSet)]
  ]) {
    if (rows.length === 0) continue;
    lines.push("", `  ${title} (${rows.length}):`);
    lines.push(...rows.slice(0, maxRows2).map((r) => `    ${clean(r.path + r.suffix)}`));
    if (rows.length > maxRows2) lines.push(paint.dim(`    \u2026 and ${rows.length - maxRows2} more (see manifest.json)`));
  }
  lines.push(...processSection(input.changeSet, maxRows2, width, paint));
  lines.push(...diskSection(input.changeSet, maxRows2, paint, width));
  const where = [];
  if (input.exportDir) where.push(`  export: ${clean(input.exportDir)} (${exportedParts(input.changeSet).join(", ")})`);
  if (input.artifact) where.push(`  artifact: ${clean(input.artifact.url)}`);
  if (where.length > 0) lines.push("", ...where);
  const warnings2 = allWarnings(input);
  if (warnings2.length > 0) {
    lines.push("", paint.yellow("  warnings:"));
    for (const w of warnings2) lines.push(...sentence(w, "    ! ", width).map((line) => paint.yellow(line)));
  }
  return `${lines.join("\n")}
`;
}
function exportedParts(changeSet) {
  const folders = new Set(changeSet.changes.map((c) => c.exportedAs?.split("/")[0]).filter((f) => f !== void 0));
  return [...["files", "transient"].filter((f) => folders.has(f)).map((f) => `${f}/`), "manifest.json", "summary.md"];
}
function renderDiskChanges(changeSet, o) {
  const useColor = o.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const paint = useColor ? colours : plain;
  const lines = diskSection(changeSet, o.maxRows ?? defaultMaxRows2, paint, o.width ?? Infinity, o.fullList).slice(1);
  for (const w of diskCheckWarnings(changeSet.disk)) lines.push(...sentence(w, "  ! ", o.width ?? Infinity).map((line) => paint.yellow(line)));
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}
function diskSection(changeSet, maxRows2, paint, width, fullList) {
  const rows = diskChangeRows(changeSet);
  if (rows.length === 0) return [];
  return [
    "",
    paint.yellow(`  changed on the real disk, outside the overlay (${rows.length}):`),
    ...table(rows, maxRows2, paint, fullList).map((line) => `  ${line}`),
    ...sentence(outsideOverlayExplanation, "    ", width).map((line) => paint.dim(line))
  ];
}
function table(rows, maxRows2, paint, fullList = "see manifest.json") {
  const shown = rows.slice(0, maxRows2).map((r) => ({
    ...r,
    path: clean(r.path + r.suffix),
    writtenBy: [clean(r.writtenBy), r.note ? `(${r.note})` : ""].filter((part) => part !== "").join(" ")
  }));
  const pathWidth = Math.min(70, Math.max(...shown.map((r) => r.path.length)));
  const sizeWidth = Math.max(...shown.map((r) => r.size.length));
  const out = shown.map(
    (r) => `  ${r.change.padEnd(9)} ${r.path.padEnd(pathWidth)}  ${r.size.padStart(sizeWidth)}  ${r.writtenBy ? paint.dim(r.writtenBy) : ""}`.trimEnd()
  );
  if (rows.length > maxRows2) out.push(paint.dim(`  \u2026 and ${rows.length - maxRows2} more (${fullList})`));
  return out;
}
function testSection(changeSet, maxRows2, width, paint) {
  const tests2 = testLines(changeSet, maxPathsPerTest2);
  if (tests2.length === 0) return [];
  const lines = ["", `  tests that changed files (${tests2.length}):`];
  for (const test of tests2.slice(0, maxRows2)) {
    const said = sentence(testSentence(test, { name: (text3) => `\`${text3}\``, path: (text3) => text3 }), "    ", width);
    lines.push(...test.outcome === "failed" ? said.map((line) => paint.red(line)) : said);
  }
  if (tests2.length > maxRows2) lines.push(paint.dim(`    \u2026 and ${tests2.length - maxRows2} more (see manifest.json, under tests)`));
  return lines;
}
function processSection(changeSet, maxRows2, width, paint) {
  const rows = processRows(changeSet);
  if (rows.length === 0) return [];
  const lines = ["", `  written by (${rows.length} ${rows.length === 1 ? "process" : "processes"}):`];
  for (const row of rows.slice(0, maxRows2)) {
    const who = row.testFiles.length > 0 ? row.testFiles.join(", ") : row.label;
    lines.push(...sentence(`pid ${row.pid}  ${who}`, "    ", width));
    if (row.command !== who) lines.push(...sentence(row.command, "      ", width).map((line) => paint.dim(line)));
  }
  if (rows.length > maxRows2) lines.push(paint.dim(`    \u2026 and ${rows.length - maxRows2} more (see manifest.json)`));
  return lines;
}
function sentence(text3, prefix, width) {
  const indent = " ".repeat(Array.from(prefix).length);
  const lines = wrapWords(clean(foldText(text3, longestWarning2), Infinity), width - indent.length, "");
  return lines.map((line, i) => (i === 0 ? prefix : indent) + line);
}
function clean(value, max = longestText2) {
  return showInvisible(shorten(value, max));
}

// src/cli/preload-path.ts
import { existsSync as existsSync2 } from "node:fs";
import { fileURLToPath as fileURLToPath3 } from "node:url";
function findPreload(moduleUrl = import.meta.url) {
  const candidates = [new URL("./preload.cjs", moduleUrl), new URL("../../dist/preload.cjs", moduleUrl)].map((u) => fileURLToPath3(u));
  const found = candidates.find((p) => existsSync2(p));
  if (!found) throw new Error(`preload.cjs was not found next to the CLI (${candidates[0]}); rebuild with "npm run build".`);
  return found;
}

// src/cli/git-hint.ts
import { spawnSync as spawnSync2 } from "node:child_process";
import fs9 from "node:fs";
import path11 from "node:path";
function gitIgnoreHint(exportDir) {
  const repository = enclosingRepository(exportDir);
  if (repository === void 0) return void 0;
  const relative = path11.relative(repository, exportDir).split(path11.sep).join("/");
  if (relative === "" || relative.startsWith("..")) return void 0;
  if (isIgnored(repository, relative)) return void 0;
  return `${relative}/ is inside the git repository ${repository} and not ignored: add the line "/${relative}/" to ${path11.join(repository, ".gitignore")} so that it is not committed.`;
}
function enclosingRepository(folder) {
  for (let dir = path11.dirname(folder); ; dir = path11.dirname(dir)) {
    if (fs9.existsSync(path11.join(dir, ".git"))) return dir;
    if (dir === path11.dirname(dir)) return void 0;
  }
}
function isIgnored(repository, relative) {
  const git = spawnSync2("git", ["check-ignore", "-q", "--", `${relative}/`], { cwd: repository, stdio: "ignore", timeout: 5e3 });
  if (git.status === 0) return true;
  if (git.status === 1) return false;
  let lines;
  try {
    lines = fs9.readFileSync(path11.join(repository, ".gitignore"), "utf8").split(/\r?\n/);
  } catch {
    return false;
  }
  const wanted = relative.replace(/\/+$/, "");
  return lines.some((line) => {
    const trimmed = line.trim().replace(/\/+$/, "");
    const anchored = trimmed.includes("/");
    const name2 = trimmed.replace(/^\//, "");
    return name2 === wanted || !anchored && name2 === path11.posix.basename(wanted);
  });
}

// src/kernel/run-kernel.ts
import { spawn } from "node:child_process";
import fs12 from "node:fs";
import path14 from "node:path";

// src/kernel/capture.ts
import fs11 from "node:fs";
import path13 from "node:path";

// src/kernel/plan.ts
var captureFileName = "capture.json";
var blobsFolder = "blobs";
var signalFileName = "signal";

// src/kernel/provenance.ts
import fs10 from "node:fs";
import path12 from "node:path";

// src/recorder/record-config.ts
var recordVariable = "MEMFS_RECORD";
var provenanceSuffix = ".provenance";

// src/kernel/provenance.ts
var maxJournalBytes = 256 * 1024 * 1024;
var ops = /* @__PURE__ */ new Set(["write", "mkdir", "symlink", "link", "copy", "metadata", "remove", "rename"]);
var madeBy = { write: "file", link: "file", copy: "file", mkdir: "directory", symlink: "symlink" };
function readProvenance(folder) {
  let names;
  try {
    names = fs10.readdirSync(folder).filter((name2) => name2.endsWith(provenanceSuffix)).sort();
  } catch {
    return void 0;
  }
  const writers = new WriterTable2();
  const gaps = [];
  const events = [];
  for (const name2 of names) {
    const file = path12.join(folder, name2);
    const refuse = (why) => gaps.push({ reason: "journal-unreadable", detail: `${file}: ${why}; who made the changes after it is not known` });
    let bytes;
    try {
      const stat = fs10.lstatSync(file);
      if (!stat.isFile() || stat.size > maxJournalBytes) {
        refuse(stat.isFile() ? `larger than ${maxJournalBytes} bytes` : "not a regular file");
        continue;
      }
      bytes = fs10.readFileSync(file);
    } catch (error) {
      refuse(`it could not be read (${error.message})`);
      continue;
    }
    const { frames } = decodeFrames(bytes);
    if (frames.length === 0) {
      gaps.push({
        reason: "journal-unreadable",
        detail: `${file}: it ends before its first record is whole (its process stopped, or could write no more, as it began recording); what that process changed shows as not Node's`
      });
      continue;
    }
    const begin = frames[0].record;
    if (!isBegin(begin)) {
      refuse("it does not start with the record of its process");
      continue;
    }
    const wallOffset = BigInt(begin.wallNs) - BigInt(begin.monoNs);
    for (const frame of frames.slice(1)) {
      const record = frame.record;
      if (!isProvenance(record)) {
        refuse(`a record is not one the recorder writes (${JSON.stringify(record).slice(0, 120)})`);
        break;
      }
      const tf = typeof record.tf === "string" ? record.tf : void 0;
      const t = BigInt(record.t);
      const event = {
        t,
        wallNs: t + wallOffset,
        order: events.length,
        writer: writers.of(begin, tf),
        op: record.op,
        path: record.path
      };
      if (record.op === "rename") event.to = record.to;
      events.push(event);
    }
  }
  events.sort((a, b) => a.t < b.t ? -1 : a.t > b.t ? 1 : a.order - b.order);
  return { writers: writers.list, paths: replay(events), gaps };
}
function replay(events) {
  const paths = /* @__PURE__ */ new Map();
  const children = /* @__PURE__ */ new Map();
  const remember = (target, known) => {
    paths.set(target, known);
    const parent = path12.dirname(target);
    if (parent === target) return;
    let siblings = children.get(parent);
    if (!siblings) children.set(parent, siblings = /* @__PURE__ */ new Set());
    siblings.add(target);
  };
  const forget = (target) => {
    paths.delete(target);
    children.get(path12.dirname(target))?.delete(target);
  };
  const subtree = (target) => {
    const found = [];
    const visit = (at) => {
      if (paths.has(at)) found.push(at);
      for (const child of children.get(at) ?? []) visit(child);
    };
    visit(target);
    return found;
  };
  const touch = (target, event) => {
    let known = paths.get(target);
    if (!known) remember(target, known = { writers: [], last: event.writer, removed: false, copied: false, changedAtNs: event.wallNs });
    if (!known.writers.includes(event.writer)) known.writers.push(event.writer);
    known.last = event.writer;
    known.changedAtNs = event.wallNs;
    return known;
  };
  for (const event of events) {
    switch (event.op) {
      case "remove":
        touch(event.path, event).removed = true;
        for (const target of subtree(event.path)) touch(target, event).removed = true;
        paths.get(event.path).lastRemoval = { writer: event.writer, atNs: event.wallNs };
        break;
      case "rename": {
        const to = event.to;
        if (to === event.path || to.startsWith(event.path + "/")) break;
        for (const target of subtree(to)) forget(target);
        for (const from of subtree(event.path)) {
          const known = paths.get(from);
          forget(from);
          remember(to + from.slice(event.path.length), known);
        }
        touch(to, event).removed = false;
        touch(event.path, event).removed = true;
        paths.get(event.path).lastRemoval = { writer: event.writer, atNs: event.wallNs };
        break;
      }
      default: {
        const known = touch(event.path, event);
        known.removed = false;
        const kind = madeBy[event.op];
        if (kind !== void 0) known.made = kind;
        if (event.op === "copy") known.copied = true;
      }
    }
  }
  return paths;
}
function isBegin(value) {
  const r = value;
  const decimal = (v) => typeof v === "string" && /^\d{1,30}$/.test(v);
  return typeof r === "object" && r !== null && r.k === "begin" && Number.isSafeInteger(r.pid) && decimal(r.wallNs) && decimal(r.monoNs) && Array.isArray(r.argv) && r.argv.every((a) => typeof a === "string") && (r.execArgv === void 0 || Array.isArray(r.execArgv) && r.execArgv.every((a) => typeof a === "string"));
}
function isPlainPath(value) {
  return typeof value === "string" && path12.isAbsolute(value) && !value.includes("\0") && path12.normalize(value) === value && (value === "/" || !value.endsWith("/"));
}
function isProvenance(r) {
  return typeof r === "object" && r !== null && r.k === "wrote" && typeof r.t === "string" && /^\d{1,30}$/.test(r.t) && ops.has(r.op) && isPlainPath(r.path) && (r.op !== "rename" || isPlainPath(r.to)) && (r.tf === void 0 || typeof r.tf === "string");
}
var WriterTable2 = class {
  list = [];
  index = /* @__PURE__ */ new Map();
  of(begin, testFile) {
    const command = commandLineOf(begin);
    const key = `${begin.pid}\0${command}\0${testFile ?? ""}`;
    let at = this.index.get(key);
    if (at === void 0) {
      at = this.list.length;
      this.list.push(testFile ? { pid: begin.pid, command, testFile } : { pid: begin.pid, command });
      this.index.set(key, at);
    }
    return at;
  }
};

// src/kernel/capture.ts
function readCaptureFile(captureDir) {
  try {
    return JSON.parse(fs11.readFileSync(path13.join(captureDir, captureFileName), "utf8"));
  } catch {
    return void 0;
  }
}
function changeSetOfCapture(capture2, o) {
  const router = createRouter({ roots: o.roots.map((r) => r.path), passThrough: o.passThrough });
  const rootsLongestFirst = o.roots.slice().sort((a, b) => b.path.length - a.path.length);
  const changes = [];
  const bytes = /* @__PURE__ */ new Map();
  const gaps = capture2.problems.map((detail) => ({ reason: "other", detail }));
  const describe2 = (target, change, type, mode, size) => {
    const root = rootsLongestFirst.find((r) => target === r.path || target.startsWith(r.path + "/"));
    if (!root) return void 0;
    return {
      path: target,
      root: root.label,
      relativePath: path13.relative(root.path, target).split(path13.sep).join("/"),
      change,
      type,
      mode: mode & 4095,
      size
    };
  };
  const inUpper = /* @__PURE__ */ new Set();
  for (const rootCapture of capture2.roots) {
    const byInode = /* @__PURE__ */ new Map();
    for (const entry of rootCapture.entries) {
      const target = path13.join(rootCapture.root, entry.relativePath);
      inUpper.add(target);
      if (entry.type === "file" && entry.nlink > 1) byInode.set(entry.ino, [...byInode.get(entry.ino) ?? [], target]);
    }
    for (const entry of rootCapture.entries) {
      const target = path13.join(rootCapture.root, entry.relativePath);
      if (!router.ownsLink(target)) continue;
      const blob = entry.blob === void 0 ? void 0 : path13.join(o.captureDir, blobsFolder, entry.blob);
      const disk = lstatOrUndefined(target);
      const sha256 = blob === void 0 ? void 0 : sha256OfFile(blob);
      let change;
      if (!disk) {
        change = describe2(target, "created", entry.type, entry.mode, sizeOf(entry));
      } else {
        const compared = compareWithDisk2(target, entry, disk, sha256);
        if (!compared.contentChanged && !compared.metadataChanged) continue;
        change = describe2(target, "modified", entry.type, entry.mode, sizeOf(entry));
        if (change) {
          change.contentChanged = compared.contentChanged;
          change.metadataChanged = compared.metadataChanged;
          if (disk.isFile()) {
            const original = sha256OfFile(target);
            if (original !== void 0) change.originalSha256 = original;
          }
        }
      }
      if (!change) continue;
      if (entry.type === "file") {
        if (sha256 !== void 0 && blob !== void 0) {
          change.sha256 = sha256;
          bytes.set(change, blobContent(blob, entry.size));
        } else {
          change.contentOmitted = "not-captured";
          gaps.push({ reason: "other", detail: `${target}: its bytes could not be copied out of the upper layer (${entry.unreadable ?? "unknown"})` });
        }
        const links = byInode.get(entry.ino);
        if (links && links.length > 1) change.linkedWith = links.filter((p) => p !== target).sort();
      }
      if (entry.type === "symlink" && entry.target !== void 0) change.target = entry.target;
      changes.push(change);
    }
    const reported = new Set(changes.map((c) => c.path));
    for (const relative of rootCapture.hidden) {
      walkDisk2(path13.join(rootCapture.root, relative), (target, stat) => {
        if (inUpper.has(target) || reported.has(target) || !router.ownsLink(target)) return;
        reported.add(target);
        const change = describe2(target, "deleted", kindOf(stat), stat.mode, stat.size);
        if (!change) return;
        if (stat.isFile()) {
          const original = sha256OfFile(target);
          if (original !== void 0) change.originalSha256 = original;
        }
        if (stat.isSymbolicLink()) change.target = fs11.readlinkSync(target);
        changes.push(change);
      });
    }
  }
  const provenance = o.provenanceDir === void 0 ? void 0 : readProvenance(o.provenanceDir);
  let writers = [];
  if (provenance) {
    gaps.push(...provenance.gaps);
    for (const [target, known] of provenance.paths) {
      if (known.made === void 0 || inUpper.has(target) || !router.ownsLink(target) || lstatOrUndefined(target)) continue;
      const change = describe2(target, "transient", known.made, 0, 0);
      if (!change) continue;
      if (known.made === "file") change.contentOmitted = "not-captured";
      changes.push(change);
    }
    writers = attributed(changes, provenance);
  }
  changes.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const content = {
    read: (change) => {
      const found = bytes.get(change);
      if (found === void 0) return void 0;
      const buffer = Buffer.alloc(found.size);
      found.readInto(buffer, 0, found.size, 0);
      return buffer;
    },
    open: (change) => bytes.get(change)
  };
  return { roots: o.roots.slice(), writers, changes, gaps, content };
}
function attributed(changes, provenance) {
  const all = provenance.writers.slice();
  let notNode;
  const notNodeWriter = () => notNode ??= all.push({ pid: 0, command: "a program other than Node (no Node process recorded this change)", notNode: true }) - 1;
  for (const change of changes) {
    const known = provenance.paths.get(change.path) ?? ancestorHistory(change, provenance.paths);
    if (!known) {
      change.firstWriter = change.lastWriter = notNodeWriter();
      change.writers = [change.firstWriter];
      continue;
    }
    change.writers = known.writers.slice();
    change.firstWriter = known.writers[0];
    change.lastWriter = known.last;
    if (known.removed && change.change !== "deleted" && change.change !== "transient") {
      change.lastWriter = notNodeWriter();
      change.writers.push(change.lastWriter);
    }
    change.changedAtNs = String(known.changedAtNs);
  }
  return writersOfChanges(all, changes);
}
function ancestorHistory(change, paths) {
  for (let at = path13.dirname(change.path); ; at = path13.dirname(at)) {
    const known = paths.get(at);
    if (known && change.change !== "deleted" && known.copied) return known;
    if (known && change.change === "deleted" && known.removed) return known;
    const removal = change.change === "deleted" ? known?.lastRemoval : void 0;
    if (removal !== void 0) return { writers: [removal.writer], last: removal.writer, removed: true, copied: false, changedAtNs: removal.atNs };
    if (at === "/" || at === path13.dirname(at)) return void 0;
  }
}
function sizeOf(entry) {
  return entry.type === "directory" ? 0 : entry.size;
}
function compareWithDisk2(target, entry, disk, sha256) {
  if (kindOf(disk) !== entry.type) return { contentChanged: true, metadataChanged: true };
  const ownerChanged = entry.uid !== -1 && entry.uid !== disk.uid || entry.gid !== -1 && entry.gid !== disk.gid;
  const metadataChanged = (disk.mode & 4095) !== (entry.mode & 4095) || ownerChanged;
  let contentChanged = false;
  if (entry.type === "file") contentChanged = entry.size !== disk.size || sha256 === void 0 || sha256 !== sha256OfFile(target);
  else if (entry.type === "symlink") contentChanged = entry.target !== fs11.readlinkSync(target);
  return { contentChanged, metadataChanged };
}
function blobContent(blob, size) {
  return {
    size,
    readInto(buffer, offset, length, position) {
      const fd = fs11.openSync(blob, "r");
      try {
        return fs11.readSync(fd, buffer, offset, Math.min(length, size - position), position);
      } finally {
        fs11.closeSync(fd);
      }
    }
  };
}
function walkDisk2(target, visit) {
  const stat = lstatOrUndefined(target);
  if (!stat) return;
  visit(target, stat);
  if (!stat.isDirectory()) return;
  let names = [];
  try {
    names = fs11.readdirSync(target);
  } catch {
    return;
  }
  for (const name2 of names.sort()) walkDisk2(path13.join(target, name2), visit);
}
function kindOf(stat) {
  return stat.isFile() ? "file" : stat.isDirectory() ? "directory" : stat.isSymbolicLink() ? "symlink" : "other";
}
function lstatOrUndefined(target) {
  try {
    return fs11.lstatSync(target);
  } catch {
    return void 0;
  }
}

// src/kernel/run-kernel.ts
function kernelFolders(spoolDir) {
  const work = path14.join(spoolDir, "kernel");
  return { work, staging: path14.join(work, "staging"), capture: path14.join(work, "capture"), provenance: path14.join(work, "provenance") };
}
function askLauncher(spoolDir, signal) {
  try {
    fs12.writeFileSync(path14.join(kernelFolders(spoolDir).capture, signalFileName), signal);
  } catch {
  }
}
function startKernelRun(setup) {
  const { work, staging: stagingDir, capture: captureDir, provenance: provenanceDir } = kernelFolders(setup.spoolDir);
  fs12.mkdirSync(work);
  fs12.mkdirSync(stagingDir);
  fs12.mkdirSync(captureDir);
  fs12.mkdirSync(provenanceDir);
  const outermost = outermostRoots(setup.roots.map((r) => r.path));
  const env = withRecorder(definedOnly(setup.env), setup.programs.recorder, { folder: provenanceDir, roots: setup.roots.map((r) => r.path) });
  const plan = {
    stagingDir,
    sizeBytes: setup.sizeBytes,
    roots: outermost,
    allRoots: setup.roots.map((r) => r.path),
    passThrough: setup.passThrough,
    ...wayDetails(setup.way, setup.caller),
    programs: { mount: setup.programs.mount, unshare: setup.programs.unshare, setpriv: setup.programs.setpriv },
    command: setup.command,
    cwd: setup.cwd,
    env,
    captureDir
  };
  const planFile = path14.join(work, "plan.json");
  fs12.writeFileSync(planFile, JSON.stringify(plan), { mode: 384 });
  const [program, ...args] = namespaceCommand(setup.way, setup.programs, planFile);
  const child = spawn(program, args, { stdio: "inherit", env: process.env });
  return {
    child,
    signal: (signal) => askLauncher(setup.spoolDir, signal),
    capture: () => readCaptureFile(captureDir),
    changeSet: (capture2) => changeSetOfCapture(capture2, { captureDir, roots: setup.roots, passThrough: setup.passThrough, provenanceDir })
  };
}
function outermostRoots(roots) {
  return [...new Set(roots)].filter((root) => !roots.some((other) => other !== root && root.startsWith(other === "/" ? "/" : other + "/"))).sort();
}
function definedOnly(env) {
  const out = {};
  for (const [key, value] of Object.entries(env)) if (value !== void 0) out[key] = value;
  return out;
}
function withRecorder(env, recorder, config) {
  if (recorder === void 0) return env;
  return { ...env, NODE_OPTIONS: withPreload(recorder, env.NODE_OPTIONS), [recordVariable]: JSON.stringify(config) };
}

// src/kernel/front-end.ts
function startKernelEngine(options, engine, preloadEnv, spoolDir) {
  const read = readConfig(preloadEnv, thisMachine);
  if (read.disabled) throw new Error("the overlay configuration is disabled");
  return startKernelRun({
    way: engine.way,
    programs: engine.programs,
    caller: engine.caller,
    command: options.command,
    cwd: process.cwd(),
    env: withoutInheritedPreloadVariables(process.env),
    roots: options.roots,
    passThrough: read.config.passThrough,
    sizeBytes: read.config.quotaBytes,
    spoolDir
  });
}
function kernelChangeSet(kernel, options) {
  const capture2 = kernel.capture();
  return capture2 ? kernel.changeSet(capture2) : uncaptured(options.roots);
}
function uncaptured(roots) {
  const gap = { reason: "other", detail: "the kernel engine ended before it could copy its upper layer out: what the command changed is unknown (the disk was not changed)" };
  return { roots: roots.slice(), writers: [], changes: [], gaps: [gap] };
}
function kernelExit(kernel) {
  return kernel.capture()?.exit;
}

// src/cli/run.ts
async function runCommand(options, io) {
  const preload = findPreload();
  const spoolDir = createSpool({ limitBytes: options.spoolLimitBytes });
  let shims;
  try {
    const env = commandEnvironment(options, preload, spoolDir);
    let engine;
    try {
      engine = chooseEngine(options.engine, { spoolDir, roots: options.roots.map((r) => r.path) });
    } catch (error) {
      if (!(error instanceof KernelEngineUnavailable)) throw error;
      io.log(`memfs-action: --engine kernel: ${error.message}. Use --engine preload (or auto, which falls back to it).
`);
      return 2;
    }
    if (options.engine !== "preload") io.log(`memfs-action: ${engine.why}.
`);
    if (engine.engine === "preload") shims = shimsForCommand(env, preload, [spoolDir, os3.tmpdir()]);
    const diskCheck = startDiskCheck({ roots: options.roots, env, ownFolders: [options.outDir] });
    const kernel = engine.engine === "kernel" ? startKernelEngine(options, engine, env, spoolDir) : void 0;
    const outcome = kernel ? withCommandExit(await superviseCommand(kernel.child, "unshare", kernel.signal), kernel) : await runUnderOverlay(options.command, env);
    const disk = diskCheck.finish();
    const commandLine = options.command.join(" ");
    const failed = outcome.exitCode !== 0;
    const shouldExport = options.exportWhen === "always" || options.exportWhen === "on-failure" && failed;
    if (!shouldExport) {
      reportWithoutExport(options, outcome, disk, io);
      return outcome.exitCode;
    }
    const engineNote = options.engine !== "preload" ? [`Engine: ${engine.why}.`] : [];
    capture(options, spoolDir, commandLine, outcome, disk, io, kernel, engineNote);
    return outcome.exitCode;
  } finally {
    removeSpool(spoolDir);
    shims?.remove();
  }
}
function reportWithoutExport(options, outcome, disk, io) {
  const escaped = disk.changed.length;
  const onDisk2 = `${escaped} ${escaped === 1 ? "path" : "paths"} under the roots changed on the real disk during the run, outside the overlay`;
  if (outcome.exitCode !== 0) {
    io.log(`memfs-action: the command failed (exit code ${outcome.exitCode}); nothing exported (--export never)${escaped > 0 ? `; ${onDisk2}:` : "."}
`);
  } else if (escaped === 0) {
    io.log("memfs-action: the command passed; what it wrote stayed in memory (--export always keeps a copy).\n");
  } else {
    io.log(`memfs-action: the command passed; what its Node processes wrote stayed in memory, but ${onDisk2}:
`);
  }
  const changeSet = { roots: options.roots, writers: [], changes: [], gaps: [], disk };
  io.log(renderDiskChanges(changeSet, { color: io.color, width: terminalWidth(), fullList: "--export always lists them all in manifest.json" }));
}
function capture(options, spoolDir, command, outcome, disk, io, kernel, engineNote) {
  const warnings2 = [...engineNote];
  if (outcome.interrupted) warnings2.push("The run was interrupted (Ctrl-C): files still open in a process that did not exit cleanly may be missing.");
  let changeSet;
  try {
    changeSet = { ...kernel ? kernelChangeSet(kernel, options) : foldJournals({ spoolDir, roots: options.roots }), disk };
  } catch (error) {
    io.log(`memfs-action: could not collect the changes: ${error.message}
`);
    io.log(renderDiskChanges({ roots: options.roots, writers: [], changes: [], gaps: [], disk }, { color: io.color, fullList: "not exported" }));
    return;
  }
  const report = { changeSet, command, exitCode: outcome.reportedExitCode, durationMs: outcome.durationMs, warnings: warnings2 };
  const plan = options.outPlan ?? { path: options.outDir };
  let staging;
  let hint;
  try {
    staging = makeStaging(plan);
    const result = exportChangeSet(changeSet, {
      outDir: staging,
      command,
      exitCode: outcome.reportedExitCode,
      durationMs: outcome.durationMs,
      includeTransient: options.includeTransient,
      exclude: options.exclude,
      renderSummary: (exported) => renderJobSummary({ ...report, changeSet: exported, exportDir: options.outDir })
    });
    if (result.changeSet) report.changeSet = result.changeSet;
    const published = publish(staging, plan);
    staging = void 0;
    report.exportDir = published.dir;
    if (published.note) warnings2.push(published.note);
    hint = gitIgnoreHint(published.dir);
  } catch (error) {
    warnings2.push(`The export failed: ${error.message}`);
  } finally {
    changeSet.content?.close?.();
    if (staging !== void 0) fs13.rmSync(staging, { recursive: true, force: true });
  }
  io.log(renderTerminalReport(report, { color: io.color, width: terminalWidth() }) + "\n");
  if (hint !== void 0) io.log(`memfs-action: ${hint}
`);
}
function terminalWidth() {
  return process.stderr.isTTY ? Math.max(60, process.stderr.columns || 100) : void 0;
}
function commandEnvironment(options, preload, spoolDir) {
  return {
    ...withoutInheritedPreloadVariables(process.env),
    // every MEMFS_* the command sees is set here
    ...configToEnv({
      roots: options.roots.map((r) => r.path),
      passThrough: options.passThrough,
      spoolDir,
      ...options.spoolLimitBytes !== void 0 ? { spoolLimitBytes: options.spoolLimitBytes } : {}
    }),
    ...options.quota !== void 0 ? { MEMFS_QUOTA: options.quota } : {},
    NODE_OPTIONS: withPreload(preload, process.env.NODE_OPTIONS)
  };
}
function runUnderOverlay(command, env) {
  const [program, ...args] = command;
  const child = args.length === 0 ? spawn2(program, { shell: true, stdio: "inherit", env }) : spawn2(program, args, { stdio: "inherit", env });
  return superviseCommand(child, program, (signal) => child.kill(signal));
}
function withCommandExit(outcome, kernel) {
  const exit = kernelExit(kernel);
  if (!exit) return outcome;
  if (exit.code !== null) return { ...outcome, exitCode: outcome.interrupted ? 130 : exit.code, reportedExitCode: exit.code };
  const number = os3.constants.signals[exit.signal] ?? 0;
  return { ...outcome, exitCode: outcome.interrupted ? 130 : 128 + number, reportedExitCode: null };
}
function superviseCommand(child, program, pass) {
  const started = performance.now();
  return new Promise((resolve2) => {
    let interrupted = false;
    let interrupts = 0;
    const onInterrupt = () => {
      interrupted = true;
      interrupts++;
      if (interrupts === 1 && process.stdin.isTTY) return;
      pass(interrupts >= 3 ? "SIGKILL" : "SIGINT");
    };
    const onTerminate = (signal) => pass(signal);
    process.on("SIGINT", onInterrupt);
    process.on("SIGTERM", onTerminate);
    process.on("SIGHUP", onTerminate);
    const finish = (outcome) => {
      process.off("SIGINT", onInterrupt);
      process.off("SIGTERM", onTerminate);
      process.off("SIGHUP", onTerminate);
      const exitCode = interrupted ? 130 : outcome.exitCode;
      resolve2({ ...outcome, exitCode, interrupted, durationMs: performance.now() - started });
    };
    child.on("error", (error) => {
      process.stderr.write(`memfs-action: could not start ${program}: ${error.message}
`);
      finish({ exitCode: 127, reportedExitCode: 127 });
    });
    child.on("exit", (code, signal) => {
      if (code !== null) return finish({ exitCode: code, reportedExitCode: code });
      const number = signal ? os3.constants.signals[signal] ?? 0 : 0;
      finish({ exitCode: 128 + number, reportedExitCode: null });
    });
  });
}

// package.json
var package_default = {
  name: "memfs-action",
  version: "0.1.0",
  private: true,
  description: "Run a Node test command with an in-memory copy-on-write overlay over the real disk; export what changed when it fails.",
  type: "module",
  engines: {
    node: ">=20"
  },
  scripts: {
    build: "node scripts/build.mjs",
    typecheck: "tsc -p tsconfig.json --noEmit",
    test: "vitest run",
    bench: "node --import tsx bench/table.bench.ts && node --import tsx bench/runners.bench.ts",
    demo: "node dist/cli.mjs run -- node --test examples/failing-suite/",
    "bench:table": "node --import tsx bench/table.bench.ts",
    "bench:runners": "node --import tsx bench/runners.bench.ts",
    "bench:engine": "node --import tsx bench/overlay.bench.ts"
  },
  license: "MIT",
  devDependencies: {
    "@types/node": "^24.19.2",
    "@types/picomatch": "^4.0.3",
    "@vercel/ncc": "^0.45.0",
    azurite: "~3.35.0",
    esbuild: "^0.28.2",
    "fast-check": "^4.10.2",
    fflate: "^0.8.3",
    jest: "^30.5.2",
    memfs: "^4.80.1",
    mocha: "^12.0.3",
    picomatch: "^4.0.7",
    tsx: "^4.23.15",
    typescript: "~5.9",
    vitest: "~4.1",
    yaml: "^2.9.1"
  },
  dependencies: {
    "@actions/artifact": "^6.2.1",
    "@actions/core": "^3.0.1",
    "@actions/exec": "^3.0.0"
  },
  bin: {
    "memfs-action": "dist/cli.mjs"
  },
  allowScripts: {
    "@parcel/watcher": false,
    esbuild: false
  }
};

// src/cli/main.ts
async function main(argv) {
  let invocation;
  try {
    invocation = parseInvocation(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`memfs-action: ${error.message}
`);
    if (argv.length === 0) process.stderr.write(`
${usage}`);
    return 2;
  }
  if (invocation.kind === "help") {
    process.stdout.write(usage);
    return 0;
  }
  if (invocation.kind === "version") {
    process.stdout.write(`${package_default.version}
`);
    return 0;
  }
  if (process.platform === "win32") {
    process.stderr.write("memfs-action: Windows is not supported yet; run it on Linux or macOS (or in WSL).\n");
    return 2;
  }
  return runCommand(invocation.options, {
    log: (text3) => process.stderr.write(text3),
    color: process.stderr.isTTY === true && !process.env.NO_COLOR
  });
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`memfs-action: ${error.stack ?? String(error)}
`);
    process.exitCode = 1;
  }
);
