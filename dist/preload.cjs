"use strict";
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
  "node_modules/picomatch/lib/constants.js"(exports2, module2) {
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
    module2.exports = {
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
  "node_modules/picomatch/lib/utils.js"(exports2) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports2.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports2.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports2.isRegexChar = (str) => str.length === 1 && exports2.hasRegexChars(str);
    exports2.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports2.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports2.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports2.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports2.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports2.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports2.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports2.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports2.basename = (path13, { windows } = {}) => {
      const segs = path13.split(windows ? /[\\/]/ : "/");
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
  "node_modules/picomatch/lib/scan.js"(exports2, module2) {
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
      let isGlob = false;
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
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
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
            isGlob = token.isGlob = true;
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
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
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
              isGlob = token.isGlob = true;
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
          isGlob = token.isGlob = true;
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
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
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
        isGlob,
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
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    var constants8 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants8;
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
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants8.DEFAULT_MAX_EXTGLOB_RECURSION;
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
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants8.globChars(opts.windows);
      const EXTGLOB_CHARS = constants8.extglobChars(PLATFORM_CHARS);
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
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
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
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
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
          const open2 = tokens[token.tokensIndex];
          open2.type = "text";
          open2.value = literal;
          open2.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open2.output;
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
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open2 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open2);
          push(open2);
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
      } = constants8.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
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
    module2.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports2, module2) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants8 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch(input, options, returnState));
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
      const regex = isState ? picomatch.compileRe(glob, options) : picomatch.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix: posix2 });
        const result = { glob, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
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
    picomatch.test = (input, regex, options, { glob, posix: posix2 } = {}) => {
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
          match = picomatch.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch.matchBase = (input, glob, options, posix2 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);
    picomatch.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p2) => picomatch.parse(p2, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch.scan = (input, options) => scan(input, options);
    picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
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
      const regex = picomatch.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
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
      return picomatch.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch.constants = constants8;
    module2.exports = picomatch;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports2, module2) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch, pico);
    module2.exports = picomatch;
  }
});

// src/preload/index.ts
var import_node_fs16 = require("node:fs");
var import_node_path16 = require("node:path");
var import_node_module5 = require("node:module");

// src/overlay/disk.ts
var import_node_fs2 = require("node:fs");

// src/overlay/stats.ts
var import_node_fs = require("node:fs");
var StatsCtor = Object.getPrototypeOf((0, import_node_fs.statSync)("/")).constructor;
var BigIntStatsCtor = Object.getPrototypeOf((0, import_node_fs.statSync)("/", { bigint: true })).constructor;
var takesSecondsAndNanos = StatsCtor.length >= 18;
var NS_PER_S = 1000000000n;
function toMs(ns) {
  return Number(ns / 1000000n) + Number(ns % 1000000n) / 1e6;
}
function secondsAndNanos(ns) {
  let s2 = ns / NS_PER_S;
  let rest = ns - s2 * NS_PER_S;
  if (rest < 0n) {
    s2 -= 1n;
    rest += NS_PER_S;
  }
  return [Number(s2), Number(rest)];
}
function toStats(r, bigint = false) {
  if (bigint) {
    return new BigIntStatsCtor(
      BigInt(r.dev),
      BigInt(r.mode),
      BigInt(r.nlink),
      BigInt(r.uid),
      BigInt(r.gid),
      BigInt(r.rdev),
      BigInt(r.blksize),
      BigInt(r.ino),
      BigInt(r.size),
      BigInt(r.blocks),
      r.atimeNs,
      r.mtimeNs,
      r.ctimeNs,
      r.birthtimeNs
    );
  }
  if (takesSecondsAndNanos) {
    const [as, an] = secondsAndNanos(r.atimeNs);
    const [ms, mn] = secondsAndNanos(r.mtimeNs);
    const [cs, cn] = secondsAndNanos(r.ctimeNs);
    const [bs, bn] = secondsAndNanos(r.birthtimeNs);
    return new StatsCtor(
      r.dev,
      r.mode,
      r.nlink,
      r.uid,
      r.gid,
      r.rdev,
      r.blksize,
      r.ino,
      r.size,
      r.blocks,
      as,
      an,
      ms,
      mn,
      cs,
      cn,
      bs,
      bn
    );
  }
  return new StatsCtor(
    r.dev,
    r.mode,
    r.nlink,
    r.uid,
    r.gid,
    r.rdev,
    r.blksize,
    r.ino,
    r.size,
    r.blocks,
    toMs(r.atimeNs),
    toMs(r.mtimeNs),
    toMs(r.ctimeNs),
    toMs(r.birthtimeNs)
  );
}
function statRecordFromNode(s2) {
  if (typeof s2.dev === "bigint") {
    const b = s2;
    return {
      dev: Number(b.dev),
      ino: Number(b.ino),
      mode: Number(b.mode),
      nlink: Number(b.nlink),
      uid: Number(b.uid),
      gid: Number(b.gid),
      rdev: Number(b.rdev),
      size: Number(b.size),
      blksize: Number(b.blksize),
      blocks: Number(b.blocks),
      atimeNs: b.atimeNs,
      mtimeNs: b.mtimeNs,
      ctimeNs: b.ctimeNs,
      birthtimeNs: b.birthtimeNs
    };
  }
  const n = s2;
  const ns = (ms) => BigInt(Math.round(ms * 1e6));
  return {
    dev: n.dev,
    ino: n.ino,
    mode: n.mode,
    nlink: n.nlink,
    uid: n.uid,
    gid: n.gid,
    rdev: n.rdev,
    size: n.size,
    blksize: n.blksize,
    blocks: n.blocks,
    atimeNs: ns(n.atimeMs),
    mtimeNs: ns(n.mtimeMs),
    ctimeNs: ns(n.ctimeMs),
    birthtimeNs: ns(n.birthtimeMs)
  };
}

// src/overlay/disk.ts
var lstatSync = import_node_fs2.lstatSync;
var readdirSync = import_node_fs2.readdirSync;
var readlinkSync = import_node_fs2.readlinkSync;
var openSync = import_node_fs2.openSync;
var readSync = import_node_fs2.readSync;
var closeSync = import_node_fs2.closeSync;
var fstatSync = import_node_fs2.fstatSync;
var realpathNative = import_node_fs2.realpathSync.native;
var {
  UV_DIRENT_FILE,
  UV_DIRENT_DIR,
  UV_DIRENT_LINK,
  UV_DIRENT_FIFO,
  UV_DIRENT_SOCKET,
  UV_DIRENT_CHAR,
  UV_DIRENT_BLOCK
} = import_node_fs2.constants;
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
var O_NOATIME = import_node_fs2.constants.O_NOATIME ?? 0;
var noAtimeAvailable = O_NOATIME !== 0;
function openForRead(path13, extraFlags = 0) {
  const flags = import_node_fs2.constants.O_RDONLY | extraFlags;
  if (noAtimeAvailable) {
    try {
      return openSync(path13, flags | O_NOATIME);
    } catch (error) {
      if (error.code !== "EPERM") throw error;
    }
  }
  return openSync(path13, flags);
}
var S_IFMT = import_node_fs2.constants.S_IFMT;
var S_IFDIR = import_node_fs2.constants.S_IFDIR;
function readFileNoFollow(path13) {
  let fd;
  try {
    fd = openForRead(path13, import_node_fs2.constants.O_NOFOLLOW);
  } catch (error) {
    if (error.code === "ELOOP") return "symlink";
    throw error;
  }
  try {
    const stat2 = fstatSync(fd);
    if ((stat2.mode & S_IFMT) === S_IFDIR) return "directory";
    if (stat2.nlink > 1) return "linked";
    return readAll(fd, stat2.size);
  } finally {
    closeSync(fd);
  }
}
function readAll(fd, size) {
  if (size > 0) {
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, buffer, filled, size - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return filled === size ? buffer : buffer.subarray(0, filled);
  }
  const chunks = [];
  for (; ; ) {
    const chunk = Buffer.allocUnsafe(8192);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
  }
  return Buffer.concat(chunks);
}
function readWholeFile(path13) {
  const fd = openForRead(path13);
  try {
    return readAll(fd, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}
var TRY_LSTAT = { bigint: true, throwIfNoEntry: false };
function createDiskLayer() {
  return {
    lstat: (path13) => statRecordFromNode(lstatSync(path13, { bigint: true })),
    tryLstat(path13) {
      const s2 = lstatSync(path13, TRY_LSTAT);
      return s2 === void 0 ? void 0 : statRecordFromNode(s2);
    },
    readdir: (path13) => readdirSync(path13, { withFileTypes: true }).map((d) => ({ name: d.name, type: direntType(d) })),
    readlink: (path13) => readlinkSync(path13, "utf8"),
    realpath: (path13) => realpathNative(path13, "utf8"),
    openForRead,
    read: (fd, buffer, offset, length, position) => readSync(fd, buffer, offset, length, position),
    close: (fd) => closeSync(fd),
    readFile: readWholeFile,
    readFileNoFollow
  };
}

// src/overlay/overlay.ts
var import_node_fs3 = require("node:fs");

// src/overlay/clock.ts
var hrtime = process.hrtime.bigint;
function wallClockNs() {
  return BigInt(Date.now()) * 1000000n + hrtime() % 1000000n;
}

// src/overlay/errors.ts
var import_node_os = require("node:os");
var import_node_util = require("node:util");
var systemErrors = (0, import_node_util.getSystemErrorMap)();
var errnoByCode = import_node_os.constants.errno;
function uvError(code, syscall, path13, dest) {
  const errno = -(errnoByCode[code] ?? 0);
  const description = systemErrors.get(errno)?.[1] ?? "unknown error";
  let message = `${code}: ${description}, ${syscall}`;
  if (path13 !== void 0) message += ` '${path13}'`;
  if (dest !== void 0) message += ` -> '${dest}'`;
  const error = new Error(message);
  error.errno = errno;
  error.code = code;
  error.syscall = syscall;
  if (path13 !== void 0) error.path = path13;
  if (dest !== void 0) error.dest = dest;
  return error;
}
function codeOf(error) {
  const code = error?.code;
  return typeof code === "string" ? code : void 0;
}

// src/overlay/content.ts
var PAGE = 4096;
function trackPages(inode, start, end) {
  const first = Math.floor(start / PAGE);
  const last = Math.floor((end - 1) / PAGE);
  if (inode.pages === null) {
    const denseEnd = Math.ceil(Math.min(inode.writtenEnd, inode.size) / PAGE);
    if (first <= denseEnd) return;
    inode.pages = /* @__PURE__ */ new Set();
    for (let p2 = 0; p2 < denseEnd; p2++) inode.pages.add(p2);
  }
  for (let p2 = first; p2 <= last; p2++) inode.pages.add(p2);
}
var ContentStore = class {
  constructor(lower, quota) {
    this.lower = lower;
    this.quota = quota;
  }
  lower;
  quota;
  used = 0;
  /** Told of every refusal before ENOSPC is thrown, so that the quota's cause can be reported (see overlay.ts). */
  onRefused;
  /**
   * Throws ENOSPC (before anything changes) unless `inode` may hold `bytes` bytes from now on. `path`: the file's
   * path when there is no inode yet (a disk file not copied up).
   */
  ensureRoom(inode, bytes, syscall, path13) {
    const held = inode === void 0 ? 0 : inode.held;
    if (bytes > held && this.used + bytes - held > this.quota) {
      this.onRefused?.(inode, bytes, path13);
      throw uvError("ENOSPC", syscall);
    }
  }
  setHeld(inode, bytes) {
    this.used += bytes - inode.held;
    inode.held = bytes;
  }
  /** Reads a file still backed by the disk into memory (the caller checked the quota). */
  materialize(inode, syscall) {
    if (inode.contentFrom === null) return;
    const path13 = inode.contentFrom;
    const bytes = this.diskCall(() => this.lower.readFile(path13), syscall);
    inode.data = bytes;
    inode.size = bytes.length;
    inode.writtenEnd = bytes.length;
    inode.contentFrom = null;
    inode.pages = null;
    this.setHeld(inode, bytes.length);
  }
  /** Replaces the whole content (writeFile, copyFile). */
  replace(inode, src, syscall) {
    this.ensureRoom(inode, src.byteLength, syscall);
    inode.pages = null;
    const data = Buffer.allocUnsafe(src.byteLength);
    data.set(src);
    inode.data = data;
    inode.contentFrom = null;
    inode.changedFrom = 0;
    inode.size = src.byteLength;
    inode.writtenEnd = src.byteLength;
    this.setHeld(inode, src.byteLength);
  }
  write(inode, src, offset, length, position, syscall) {
    const end = position + length;
    const base = inode.contentFrom !== null ? inode.size : inode.writtenEnd;
    this.ensureRoom(inode, Math.max(base, end), syscall);
    this.materialize(inode, syscall);
    const needed = Math.max(inode.writtenEnd, end);
    let data = inode.data;
    if (data === null || data.length < needed) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, data === null ? 0 : Math.min(data.length * 2, needed + (64 << 20))));
      if (data !== null) data.copy(grown, 0, 0, inode.writtenEnd);
      inode.data = data = grown;
    }
    if (position > inode.writtenEnd) data.fill(0, inode.writtenEnd, position);
    data.set(src.subarray(offset, offset + length), position);
    trackPages(inode, position, end);
    if (position < inode.changedFrom) inode.changedFrom = position;
    inode.writtenEnd = needed;
    if (end > inode.size) inode.size = end;
    this.setHeld(inode, needed);
  }
  truncate(inode, length, syscall) {
    if (length < inode.changedFrom) inode.changedFrom = Math.min(length, inode.size);
    if (length === 0 || inode.contentFrom === null) {
      if (inode.contentFrom !== null) inode.contentFrom = null;
      if (length < inode.writtenEnd) {
        inode.writtenEnd = length;
        if (length === 0) inode.data = null;
      }
      if (inode.pages !== null) {
        const firstGone = Math.ceil(length / PAGE);
        for (const page of inode.pages) if (page >= firstGone) inode.pages.delete(page);
        if (length === 0) inode.pages = null;
      }
      inode.size = length;
      this.setHeld(inode, inode.writtenEnd);
      return;
    }
    const kept = Math.min(length, inode.size);
    this.ensureRoom(inode, kept, syscall);
    this.materialize(inode, syscall);
    inode.writtenEnd = kept;
    inode.size = length;
    this.setHeld(inode, kept);
  }
  read(inode, dst, offset, length, position) {
    if (position >= inode.size || length <= 0) return 0;
    const n = Math.min(length, inode.size - position);
    if (inode.contentFrom !== null) return this.readFromDisk(inode.contentFrom, dst, offset, n, position);
    const stored = Math.max(0, Math.min(inode.writtenEnd, position + n) - position);
    if (stored > 0) dst.set(inode.data.subarray(position, position + stored), offset);
    if (stored < n) dst.fill(0, offset + stored, offset + n);
    return n;
  }
  readFromDisk(path13, dst, offset, length, position) {
    const fd = this.diskCall(() => this.lower.openForRead(path13), "read");
    try {
      return this.lower.read(fd, dst, offset, length, position);
    } finally {
      this.lower.close(fd);
    }
  }
  /**
   * A disk refusal met while serving content the overlay holds by reference (a disk file this process cannot read,
   * made readable only in the overlay), reported as the operation's own error, without the disk's path.
   */
  diskCall(call, syscall, path13) {
    try {
      return call();
    } catch (error) {
      const code = error.code;
      throw typeof code === "string" ? uvError(code, syscall, path13) : error;
    }
  }
  /**
   * The bytes from `start` as a view of the stored buffer (no copy), or undefined when they are not all in it (still
   * on disk, or a hole past the written extent): the caller then copies.
   */
  view(inode, start) {
    if (inode.contentFrom !== null) return void 0;
    const from = Math.min(start, inode.size);
    if (inode.size === from) return new Uint8Array(0);
    if (inode.data === null || inode.writtenEnd < inode.size) return void 0;
    return inode.data.subarray(from, inode.size);
  }
  /** A copy of the whole content. */
  readAll(inode, syscall = "read", callerPath) {
    if (inode.contentFrom !== null) {
      const path13 = inode.contentFrom;
      return this.diskCall(() => this.lower.readFile(path13), syscall, callerPath);
    }
    const out = Buffer.alloc(inode.size);
    if (inode.data !== null) inode.data.copy(out, 0, 0, Math.min(inode.writtenEnd, inode.size));
    return out;
  }
  release(inode) {
    this.setHeld(inode, 0);
    inode.data = null;
  }
};

// src/overlay/descriptors.ts
var FIRST_FD = 1073741824;
var LAST_FD = 2147483647;
var Descriptor = class {
  constructor(inode, lowerNode, readable, writable, append) {
    this.inode = inode;
    this.lowerNode = lowerNode;
    this.readable = readable;
    this.writable = writable;
    this.append = append;
  }
  inode;
  lowerNode;
  readable;
  writable;
  append;
  position = 0;
  /** Content written since the last time it was reported to the observer. */
  dirty = false;
};
var DescriptorTable = class {
  open = /* @__PURE__ */ new Map();
  next = FIRST_FD;
  add(d) {
    let fd = this.next;
    while (this.open.has(fd)) fd = fd === LAST_FD ? FIRST_FD : fd + 1;
    this.next = fd === LAST_FD ? FIRST_FD : fd + 1;
    this.open.set(fd, d);
    return fd;
  }
  get(fd) {
    return this.open.get(fd);
  }
  delete(fd) {
    this.open.delete(fd);
  }
  has(fd) {
    return this.open.has(fd);
  }
  values() {
    return this.open.values();
  }
};

// src/overlay/inode.ts
var S_IFMT2 = 61440;
var S_IFREG = 32768;
var S_IFDIR2 = 16384;
var S_IFLNK = 40960;
var S_ISUID = 2048;
var S_ISGID = 1024;
var BLOCK_SIZE = 4096;
var NEW_DIRECTORY_SIZE = 4096;
var FAST_SYMLINK_MAX = 60;
var Inode = class {
  dev;
  ino;
  mode;
  nlink;
  uid;
  gid;
  rdev = 0;
  atimeNs;
  mtimeNs;
  ctimeNs;
  birthtimeNs;
  /** Files: bytes held in memory (the first `size` bytes of `data` are the content). */
  data = null;
  size = 0;
  /** Files: the disk path whose bytes this file still has, not read into memory yet (after a metadata copy-up). */
  contentFrom = null;
  /** Files: how far bytes were really written; beyond it a truncate-extended file is a hole (no blocks). */
  writtenEnd = 0;
  /** Blocks as the disk reported them, while the content is still the disk's. */
  diskBlocks = 0;
  /**
   * Files with holes: the 4 KiB pages ever written (ext4 allocates no block for a page only skipped over). Null
   * while the file is dense, i.e. every page below `writtenEnd` was written, the common case.
   */
  pages = null;
  /** Directories: names → inode, or null for a whiteout (a disk entry deleted in the overlay). */
  entries = null;
  /** Directories: names of entries that hide a disk entry of the same name (deleting them leaves a whiteout). */
  covered = null;
  /** Directories: the disk directory whose children show through (null for new or opaque directories). */
  lower = null;
  opaque = false;
  /** Symlinks. */
  target = "";
  /** The first upper name of this inode (directories have only this one), then any further hard links. */
  parent = null;
  name = "";
  otherLinks = null;
  /** The disk's record and path when this inode was copied up (null for inodes born in the overlay). */
  origin = null;
  originPath = null;
  contentChanged = false;
  metadataChanged = false;
  /** Open descriptors; an unlinked inode lives until the last one closes. */
  openCount = 0;
  /** Bytes counted against the quota for this inode. */
  held = 0;
  /** Files copied up from a disk file with several names: the other names known (canonical paths). */
  diskAliases = null;
  /** Lowest byte offset written or truncated since the content was last reported (the journal saves from there). */
  changedFrom = Number.POSITIVE_INFINITY;
  contentReported = false;
  constructor(dev, ino, mode, uid, gid, nowNs) {
    this.dev = dev;
    this.ino = ino;
    this.mode = mode;
    this.uid = uid;
    this.gid = gid;
    this.nlink = (mode & S_IFMT2) === S_IFDIR2 ? 2 : 1;
    this.atimeNs = nowNs;
    this.mtimeNs = nowNs;
    this.ctimeNs = nowNs;
    this.birthtimeNs = nowNs;
    if ((mode & S_IFMT2) === S_IFDIR2) {
      this.entries = /* @__PURE__ */ new Map();
      this.covered = /* @__PURE__ */ new Set();
    }
  }
  get isDirectory() {
    return (this.mode & S_IFMT2) === S_IFDIR2;
  }
  get isFile() {
    return (this.mode & S_IFMT2) === S_IFREG;
  }
  get isSymlink() {
    return (this.mode & S_IFMT2) === S_IFLNK;
  }
  addLink(dir, name) {
    if (this.parent === null) {
      this.parent = dir;
      this.name = name;
    } else (this.otherLinks ??= []).push({ dir, name });
  }
  removeLink(dir, name) {
    if (this.parent === dir && this.name === name) {
      const next = this.otherLinks?.shift();
      this.parent = next?.dir ?? null;
      this.name = next?.name ?? "";
    } else if (this.otherLinks !== null) {
      const i = this.otherLinks.findIndex((l) => l.dir === dir && l.name === name);
      if (i >= 0) this.otherLinks.splice(i, 1);
    }
    if (this.otherLinks !== null && this.otherLinks.length === 0) this.otherLinks = null;
  }
  stat() {
    let size;
    let blocks;
    const type = this.mode & S_IFMT2;
    if (type === S_IFREG) {
      size = this.size;
      blocks = this.contentFrom !== null ? this.diskBlocks : this.pages !== null ? this.pages.size * (BLOCK_SIZE / 512) : Math.ceil(Math.min(this.writtenEnd, this.size) / BLOCK_SIZE) * (BLOCK_SIZE / 512);
    } else if (type === S_IFLNK) {
      size = Buffer.byteLength(this.target);
      blocks = size < FAST_SYMLINK_MAX ? 0 : BLOCK_SIZE / 512;
    } else if (type === S_IFDIR2) {
      size = this.origin?.size ?? NEW_DIRECTORY_SIZE;
      blocks = this.origin?.blocks ?? NEW_DIRECTORY_SIZE / 512;
    } else {
      size = this.origin?.size ?? 0;
      blocks = this.origin?.blocks ?? 0;
    }
    return {
      dev: this.dev,
      ino: this.ino,
      mode: this.mode,
      nlink: this.nlink,
      uid: this.uid,
      gid: this.gid,
      rdev: this.rdev,
      size,
      blksize: BLOCK_SIZE,
      blocks,
      atimeNs: this.atimeNs,
      mtimeNs: this.mtimeNs,
      ctimeNs: this.ctimeNs,
      birthtimeNs: this.birthtimeNs
    };
  }
};
var LowerNode = class {
  constructor(parent, name, path13, stat2, shortcut = false) {
    this.parent = parent;
    this.name = name;
    this.path = path13;
    this.stat = stat2;
    this.shortcut = shortcut;
  }
  parent;
  name;
  path;
  stat;
  shortcut;
  get isDirectory() {
    return (this.stat.mode & S_IFMT2) === S_IFDIR2;
  }
  get isFile() {
    return (this.stat.mode & S_IFMT2) === S_IFREG;
  }
  get isSymlink() {
    return (this.stat.mode & S_IFMT2) === S_IFLNK;
  }
};
function modeOf(node) {
  return node instanceof Inode ? node.mode : node.stat.mode;
}
function isDirectory(node) {
  return (modeOf(node) & S_IFMT2) === S_IFDIR2;
}
function isSymlink(node) {
  return (modeOf(node) & S_IFMT2) === S_IFLNK;
}
function statOf(node) {
  return node instanceof Inode ? node.stat() : node.stat;
}

// src/overlay/permissions.ts
var R_OK = 4;
var W_OK = 2;
var X_OK = 1;
function inGroup(identity, gid) {
  return identity.gid === gid || identity.groups.includes(gid);
}
function mayAccess(identity, node, want) {
  if (identity.uid === 0) {
    if ((want & X_OK) === 0) return true;
    return (node.mode & S_IFMT2) === S_IFDIR2 || (node.mode & 73) !== 0;
  }
  let bits;
  if (identity.uid === node.uid) bits = node.mode >> 6 & 7;
  else if (inGroup(identity, node.gid)) bits = node.mode >> 3 & 7;
  else bits = node.mode & 7;
  return (bits & want) === want;
}
function mayRemoveFrom(identity, dir, child) {
  if (identity.uid === 0 || (dir.mode & 512) === 0) return true;
  return identity.uid === child.uid || identity.uid === dir.uid;
}
function isOwnerOrRoot(identity, node) {
  return identity.uid === 0 || identity.uid === node.uid;
}

// src/overlay/tree.ts
var MAX_SYMLINK_HOPS = 40;
var NAME_MAX = 255;
var PATH_MAX = 4096;
var PLAIN_DIRS_MAX = 5e4;
var MergedTree = class {
  constructor(lower, identity, cwd) {
    this.lower = lower;
    this.identity = identity;
    this.cwd = cwd;
    const rootStat = lower.lstat("/");
    this.root = this.inodeFromDisk(rootStat, "/");
    this.root.parent = this.root;
  }
  lower;
  identity;
  cwd;
  root;
  /** Disk inodes copied up, by disk inode number: hard links on disk and read-only descriptors find the copy. */
  upperByDiskIno = /* @__PURE__ */ new Map();
  /** Disk directories known to have no symlink on their path (checked with one realpath). */
  plainDirs = /* @__PURE__ */ new Set();
  nextIno = 2 ** 40;
  /** New inode numbers start at 2**40, beyond what ext4 (32-bit) and tmpfs inode numbers reach on a runner. */
  allocateIno() {
    return this.nextIno++;
  }
  tryLstat(path13) {
    if (this.lower.tryLstat) return this.lower.tryLstat(path13);
    try {
      return this.lower.lstat(path13);
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT" || code === "ENOTDIR") return void 0;
      throw error;
    }
  }
  /** The child `name` of directory `dir` in the merged view. */
  child(dir, name) {
    let diskPath;
    if (dir instanceof Inode) {
      const entry = dir.entries.get(name);
      if (entry !== void 0) return entry ?? void 0;
      if (dir.lower === null) return void 0;
      diskPath = dir.lower === "/" ? "/" + name : dir.lower + "/" + name;
    } else {
      diskPath = dir.path === "/" ? "/" + name : dir.path + "/" + name;
    }
    const stat2 = this.tryLstat(diskPath);
    if (stat2 === void 0) return void 0;
    return this.diskNode(dir, name, diskPath, stat2);
  }
  diskNode(dir, name, diskPath, stat2) {
    if (this.upperByDiskIno.size !== 0 && (stat2.mode & S_IFMT2) !== S_IFDIR2) {
      const upper = this.upperByDiskIno.get(stat2.ino);
      if (upper !== void 0 && upper.dev === stat2.dev && stat2.nlink > 1) {
        this.noteAlias(upper, dir, name);
        return upper;
      }
    }
    return new LowerNode(dir, name, diskPath, stat2);
  }
  /** Remembers another disk name of a copied-up file, for the change set. */
  noteAlias(inode, dir, name) {
    const path13 = this.entryPath(dir, name);
    if (this.pathOf(inode) === path13) return;
    const aliases = inode.diskAliases ??= [];
    if (!aliases.includes(path13)) aliases.push(path13);
  }
  /**
   * The other names of a hard-linked disk file in its own directory (cross-directory names are found only when
   * something looks them up). Bounded, so that a huge directory costs one listing at most.
   */
  findSiblingLinks(inode, node) {
    const slash = node.path.lastIndexOf("/");
    const diskDir = slash <= 0 ? "/" : node.path.slice(0, slash);
    let entries;
    try {
      entries = this.lower.readdir(diskDir);
    } catch {
      return;
    }
    if (entries.length > 5e3) return;
    for (const e of entries) {
      if (e.name === node.name || e.type !== 1) continue;
      const stat2 = this.tryLstat(joinPath(diskDir, e.name));
      if (stat2 !== void 0 && stat2.ino === node.stat.ino && stat2.dev === node.stat.dev) {
        this.noteAlias(inode, node.parent, e.name);
      }
    }
  }
  /** Copied-up files that have other disk names. */
  *hardLinkedCopies() {
    for (const inode of this.upperByDiskIno.values()) if (inode.diskAliases !== null) yield inode;
  }
  /** The upper copy of a disk file, if any (for descriptors opened read-only before a copy-up). */
  upperOfDisk(stat2) {
    const upper = this.upperByDiskIno.get(stat2.ino);
    return upper !== void 0 && upper.dev === stat2.dev ? upper : void 0;
  }
  parentOf(node) {
    if (node instanceof LowerNode) return node.parent;
    return node.parent ?? this.root;
  }
  /** Resolves `path` component by component, following symlinks as Linux's path walk does. */
  walk(path13, options) {
    if (path13.length >= PATH_MAX) return "ENAMETOOLONG";
    const absolute = path13.charCodeAt(0) === 47 ? path13 : this.cwd() + "/" + path13;
    const trailingSlash = path13.length > 1 && path13.charCodeAt(path13.length - 1) === 47;
    const pending = componentsReversed(absolute);
    let dir = this.root;
    let hops = 0;
    const checkSearch = this.identity.uid !== 0;
    while (pending.length > 0) {
      const name = pending.pop();
      const last = pending.length === 0;
      if (checkSearch && !mayAccess(this.identity, statLike(dir), X_OK)) return "EACCES";
      if (name === "." || name === "..") {
        if (name === "..") dir = this.parentOf(dir);
        if (last) return { dir, name: ".", node: dir, trailingSlash };
        continue;
      }
      if (name.length > NAME_MAX && Buffer.byteLength(name) > NAME_MAX) return "ENAMETOOLONG";
      if (options.readOnly && dir instanceof Inode && !trailingSlash) {
        const fast = this.fastDiskLookup(dir, name, pending, options.followLast);
        if (fast !== void 0) return fast;
      }
      let node;
      try {
        node = this.child(dir, name);
      } catch (error) {
        const code = error.code;
        if (typeof code === "string") return code;
        throw error;
      }
      if (node === void 0) {
        if (last) return { dir, name, node: void 0, trailingSlash };
        return "ENOENT";
      }
      const type = (node instanceof Inode ? node.mode : node.stat.mode) & S_IFMT2;
      if (type === S_IFLNK && (!last || options.followLast || trailingSlash && options.create !== true)) {
        if (++hops > MAX_SYMLINK_HOPS) return "ELOOP";
        const target = node instanceof Inode ? node.target : this.lower.readlink(node.path);
        if (target.length === 0) return "ENOENT";
        const parts = target.split("/");
        for (let i = parts.length - 1; i >= 0; i--) if (parts[i] !== "") pending.push(parts[i]);
        if (target.charCodeAt(0) === 47) dir = this.root;
        if (pending.length === 0) return { dir: this.root, name: ".", node: this.root, trailingSlash };
        continue;
      }
      if (last) {
        if (trailingSlash && type !== S_IFDIR2 && options.create !== true) return "ENOTDIR";
        return { dir, name, node, trailingSlash };
      }
      if (type !== S_IFDIR2) return "ENOTDIR";
      dir = node;
    }
    return { dir: this.root, name: ".", node: this.root, trailingSlash };
  }
  /**
   * The disk path that `path` names when the merged view leaves the upper tree into untouched disk directories with
   * no symlink on the way (the last component itself is not checked: the caller reads it without following).
   * Undefined when the question needs the full walk. Only for a process whose permissions the disk enforces itself.
   */
  fastDiskPath(path13) {
    if (this.lower.realpath === void 0 || path13.length >= PATH_MAX) return void 0;
    const absolute = path13.charCodeAt(0) === 47 ? path13 : this.cwd() + "/" + path13;
    if (absolute.charCodeAt(absolute.length - 1) === 47) return void 0;
    const parts = componentsReversed(absolute);
    let dir = this.root;
    const checkSearch = this.identity.uid !== 0;
    while (parts.length > 0) {
      const name = parts.pop();
      if (name === "." || name === "..") return void 0;
      if (checkSearch && !mayAccess(this.identity, dir, X_OK)) return void 0;
      const entry = dir.entries.get(name);
      if (entry === null) return void 0;
      if (entry !== void 0) {
        if (!entry.isDirectory) return void 0;
        dir = entry;
        continue;
      }
      if (dir.lower === null) return void 0;
      let diskPath = dir.lower === "/" ? "/" + name : dir.lower + "/" + name;
      if (parts.length === 0) return diskPath;
      for (let i = parts.length - 1; i >= 1; i--) {
        const c2 = parts[i];
        if (c2 === "." || c2 === "..") return void 0;
        diskPath += "/" + c2;
      }
      const last = parts[0];
      if (last === "." || last === ".." || last.length > NAME_MAX) return void 0;
      if (!this.isPlainDiskDir(diskPath)) return void 0;
      return diskPath + "/" + last;
    }
    return void 0;
  }
  isPlainDiskDir(diskPath) {
    if (this.plainDirs.has(diskPath)) return true;
    let real;
    try {
      real = this.lower.realpath(diskPath);
    } catch {
      return false;
    }
    if (real !== diskPath) return false;
    if (this.plainDirs.size >= PLAIN_DIRS_MAX) this.plainDirs.clear();
    this.plainDirs.add(diskPath);
    return true;
  }
  /**
   * The untouched-read fast path: when the walk leaves the upper tree into a plain disk directory, the rest of the
   * path is the disk's own business — provided no disk component is a symlink (which could point back into
   * changed regions). One realpath per directory (remembered) proves that; then one lstat answers. Undefined means
   * "take the slow walk". Limit: a disk directory replaced by a symlink during the run by another program is not
   * noticed by the memo.
   */
  fastDiskLookup(dir, name, pending, followLast) {
    if (dir.lower === null || dir.entries.has(name) || this.lower.realpath === void 0) return void 0;
    for (let i = 0; i < pending.length; i++) {
      const c2 = pending[i];
      if (c2 === "." || c2 === ".." || c2.length > NAME_MAX) return void 0;
    }
    if (pending.length === 0) return void 0;
    let parentDisk = dir.lower === "/" ? "/" + name : dir.lower + "/" + name;
    for (let i = pending.length - 1; i >= 1; i--) parentDisk += "/" + pending[i];
    if (!this.isPlainDiskDir(parentDisk)) return void 0;
    const finalName = pending[0];
    const diskPath = parentDisk + "/" + finalName;
    let stat2;
    try {
      stat2 = this.tryLstat(diskPath);
    } catch {
      return void 0;
    }
    if (stat2 !== void 0 && followLast && (stat2.mode & S_IFMT2) === S_IFLNK) return void 0;
    const relative = parentDisk.slice((dir.lower === "/" ? 0 : dir.lower.length) + 1);
    const parent = new LowerNode(dir, relative, parentDisk, UNREAD_DIRECTORY, true);
    pending.length = 0;
    return {
      dir: parent,
      name: finalName,
      node: stat2 === void 0 ? void 0 : this.diskNode(parent, finalName, diskPath, stat2),
      trailingSlash: false
    };
  }
  // ---- Copy-up -------------------------------------------------------------------------------------------------
  inodeFromDisk(stat2, diskPath) {
    const inode = new Inode(stat2.dev, stat2.ino, stat2.mode, stat2.uid, stat2.gid, stat2.mtimeNs);
    inode.nlink = stat2.nlink;
    inode.rdev = stat2.rdev;
    inode.atimeNs = stat2.atimeNs;
    inode.ctimeNs = stat2.ctimeNs;
    inode.birthtimeNs = stat2.birthtimeNs;
    inode.origin = stat2;
    inode.originPath = diskPath;
    const type = stat2.mode & S_IFMT2;
    if (type === S_IFDIR2) inode.lower = diskPath;
    else if (type === S_IFREG) {
      inode.size = stat2.size;
      inode.writtenEnd = stat2.size;
      inode.diskBlocks = stat2.blocks;
      inode.contentFrom = stat2.size > 0 ? diskPath : null;
    } else if (type === S_IFLNK) inode.target = this.lower.readlink(diskPath);
    return inode;
  }
  /** The upper inode of a node, copying it (and its parents) up first if it is still on disk: metadata only. */
  toUpper(node) {
    if (node instanceof Inode) return node;
    const parent = this.toUpper(node.parent);
    const existing = parent.entries.get(node.name);
    if (existing) return existing;
    let inode = (node.stat.mode & S_IFMT2) === S_IFDIR2 ? void 0 : this.upperOfDisk(node.stat);
    if (inode === void 0) {
      inode = this.inodeFromDisk(node.stat, node.path);
      this.upperByDiskIno.set(inode.ino, inode);
      if (node.stat.nlink > 1 && (node.stat.mode & S_IFMT2) === S_IFREG) this.findSiblingLinks(inode, node);
    }
    this.setEntry(parent, node.name, inode, true);
    return inode;
  }
  /**
   * A node found by a read-only walk, made safe to copy up: a fast-path shortcut is walked again component by
   * component from its upper ancestor. Undefined when that walk no longer leads to the same disk file (the overlay
   * renamed or removed a directory on the way since).
   */
  settle(node) {
    if (!(node.parent instanceof LowerNode) || !node.parent.shortcut) return node;
    const shortcut = node.parent;
    let current = shortcut.parent;
    for (const name of [...shortcut.name.split("/"), node.name]) {
      const next = this.child(current, name);
      if (next === void 0) return void 0;
      current = next;
    }
    const stat2 = current instanceof Inode ? current : current.stat;
    return stat2.ino === node.stat.ino && stat2.dev === node.stat.dev ? current : void 0;
  }
  /** A disk file that has no reachable name any more but is still open: its copy-up has no name either. */
  copyUpNameless(node) {
    const inode = this.inodeFromDisk(node.stat, node.path);
    this.upperByDiskIno.set(inode.ino, inode);
    return inode;
  }
  /** Makes `dir` (a directory found by a walk) an upper directory. */
  toUpperDir(dir) {
    return this.toUpper(dir);
  }
  /** Puts `inode` at `name` in `dir`; `coversDisk`: a disk entry of that name exists and must stay hidden. */
  setEntry(dir, name, inode, coversDisk) {
    const entries = dir.entries;
    if (coversDisk || entries.get(name) === null) dir.covered.add(name);
    entries.set(name, inode);
    inode.addLink(dir, name);
  }
  /** Takes the entry `name` out of `dir`, leaving a whiteout if it hid a disk entry. */
  removeEntry(dir, name) {
    const entries = dir.entries;
    const inode = entries.get(name);
    if (inode) inode.removeLink(dir, name);
    if (dir.covered.has(name)) entries.set(name, null);
    else entries.delete(name);
  }
  /**
   * A whiteout for a disk entry that was never copied up. A file with other disk names is copied up (metadata
   * only, no upper name) so that those names see one link fewer.
   */
  hideDiskEntry(dir, node) {
    dir.entries.set(node.name, null);
    dir.covered.add(node.name);
    return this.orphanDiskFile(node);
  }
  /**
   * A disk file loses its name in the overlay: keep a metadata copy, without a name, with one link fewer, so that
   * its other disk names (hard links) and descriptors still open on it see the inode Linux would show.
   */
  orphanDiskFile(node) {
    const stat2 = node.stat;
    if ((stat2.mode & S_IFMT2) !== S_IFREG) return void 0;
    const inode = this.inodeFromDisk(stat2, node.path);
    inode.nlink = stat2.nlink - 1;
    this.upperByDiskIno.set(inode.ino, inode);
    return inode;
  }
  /** The canonical path of a directory position or of an inode's first name (undefined once unlinked). */
  pathOf(node) {
    if (node === this.root) return "/";
    if (node instanceof LowerNode) {
      const parent2 = this.pathOf(node.parent);
      return parent2 === void 0 ? void 0 : joinPath(parent2, node.name);
    }
    if (node.parent === null) return void 0;
    const parent = this.pathOf(node.parent);
    return parent === void 0 ? void 0 : joinPath(parent, node.name);
  }
  /** The canonical path of the entry `name` of directory position `dir`. */
  entryPath(dir, name) {
    return joinPath(this.pathOf(dir) ?? "/", name);
  }
  /** Names of a directory in the merged view: the disk's in the disk's order, then new ones in creation order. */
  list(dir) {
    const out = [];
    if (dir instanceof LowerNode) {
      for (const e of this.lower.readdir(dir.path)) out.push({ name: e.name, node: void 0, type: e.type });
      return out;
    }
    const entries = dir.entries;
    const seen = dir.lower !== null && entries.size !== 0 ? /* @__PURE__ */ new Set() : void 0;
    if (dir.lower !== null) {
      for (const e of this.lower.readdir(dir.lower)) {
        const upper = entries.get(e.name);
        if (upper === null) continue;
        if (upper !== void 0) {
          seen.add(e.name);
          out.push({ name: e.name, node: upper, type: direntTypeOf(upper.mode) });
        } else out.push({ name: e.name, node: void 0, type: e.type });
      }
    }
    for (const [name, upper] of entries) {
      if (upper === null || seen?.has(name)) continue;
      out.push({ name, node: upper, type: direntTypeOf(upper.mode) });
    }
    return out;
  }
};
var UNREAD_DIRECTORY = {
  dev: 0,
  ino: 0,
  mode: S_IFDIR2 | 493,
  nlink: 2,
  uid: 0,
  gid: 0,
  rdev: 0,
  size: 0,
  blksize: 4096,
  blocks: 0,
  atimeNs: 0n,
  mtimeNs: 0n,
  ctimeNs: 0n,
  birthtimeNs: 0n
};
function componentsReversed(path13) {
  const out = [];
  let end = path13.length;
  for (let i = path13.length - 1; i >= -1; i--) {
    if (i === -1 || path13.charCodeAt(i) === 47) {
      if (end > i + 1) out.push(path13.slice(i + 1, end));
      end = i;
    }
  }
  return out;
}
function joinPath(dir, name) {
  if (name === "." || name === "") return dir;
  return dir === "/" ? "/" + name : dir + "/" + name;
}
function statLike(node) {
  return node instanceof Inode ? node : node.stat;
}
function direntTypeOf(mode) {
  switch (mode & S_IFMT2) {
    case S_IFREG:
      return 1;
    case S_IFDIR2:
      return 2;
    case S_IFLNK:
      return 3;
    case 4096:
      return 4;
    case 49152:
      return 5;
    case 8192:
      return 6;
    case 24576:
      return 7;
    default:
      return 0;
  }
}

// src/overlay/change-set.ts
function kindOf(mode) {
  switch (mode & S_IFMT2) {
    case S_IFREG:
      return "file";
    case S_IFDIR2:
      return "directory";
    case S_IFLNK:
      return "symlink";
    default:
      return "other";
  }
}
function computeChangeSet(tree, contents) {
  const out = [];
  const lower = tree.lower;
  const diskStat = (path13) => {
    if (lower.tryLstat) return lower.tryLstat(path13);
    try {
      return lower.lstat(path13);
    } catch {
      return void 0;
    }
  };
  const fromInode = (inode, path13, change, contentChanged, metadataChanged) => {
    const stat2 = inode.stat();
    const entry = {
      path: path13,
      change,
      contentChanged,
      metadataChanged,
      type: kindOf(stat2.mode),
      mode: stat2.mode,
      size: stat2.size,
      ino: stat2.ino,
      uid: stat2.uid,
      gid: stat2.gid,
      mtimeNs: stat2.mtimeNs
    };
    if (inode.isFile) entry.content = contents.readAll(inode);
    else if (inode.isSymlink) entry.target = inode.target;
    return entry;
  };
  const fromDisk = (stat2, diskPath, path13, change) => {
    const entry = {
      path: path13,
      change,
      contentChanged: false,
      metadataChanged: false,
      type: kindOf(stat2.mode),
      mode: stat2.mode,
      size: stat2.size,
      ino: stat2.ino,
      uid: stat2.uid,
      gid: stat2.gid,
      mtimeNs: stat2.mtimeNs
    };
    if (change !== "deleted") {
      if ((stat2.mode & S_IFMT2) === S_IFREG) entry.content = lower.readFile(diskPath);
      else if ((stat2.mode & S_IFMT2) === S_IFLNK) entry.target = lower.readlink(diskPath);
    }
    return entry;
  };
  const diskSubtreeCreated = (diskDir, path13) => {
    for (const e of lower.readdir(diskDir)) {
      const diskPath = joinPath(diskDir, e.name);
      const stat2 = diskStat(diskPath);
      if (stat2 === void 0) continue;
      out.push(fromDisk(stat2, diskPath, joinPath(path13, e.name), "created"));
      if ((stat2.mode & S_IFMT2) === S_IFDIR2) diskSubtreeCreated(diskPath, joinPath(path13, e.name));
    }
  };
  const pushIfModified = (entry, path13, before) => {
    const sameInode = entry.originPath === path13 && entry.ino === before.ino && entry.dev === before.dev;
    const sameType = (entry.mode & S_IFMT2) === (before.mode & S_IFMT2);
    let contentChanged;
    if (!sameType) contentChanged = true;
    else if (entry.isFile) {
      contentChanged = entry.contentFrom === path13 ? false : sameInode && !entry.contentChanged ? false : !contents.readAll(entry).equals(lower.readFile(path13));
    } else if (entry.isSymlink) contentChanged = entry.target !== lower.readlink(path13);
    else contentChanged = false;
    const metadataChanged = entry.mode !== before.mode || entry.uid !== before.uid || entry.gid !== before.gid || entry.metadataChanged && (entry.mtimeNs !== before.mtimeNs || entry.atimeNs !== before.atimeNs);
    if (contentChanged || metadataChanged) out.push(fromInode(entry, path13, "modified", contentChanged, metadataChanged));
  };
  const visit = (dir, path13, diskIsDir) => {
    const entries = dir.entries;
    const inPlace = dir.lower === path13;
    if (dir.lower !== null && !inPlace) {
      for (const e of lower.readdir(dir.lower)) {
        if (entries.has(e.name)) continue;
        const diskPath = joinPath(dir.lower, e.name);
        const stat2 = diskStat(diskPath);
        if (stat2 === void 0) continue;
        out.push(fromDisk(stat2, diskPath, joinPath(path13, e.name), "created"));
        if ((stat2.mode & S_IFMT2) === S_IFDIR2) diskSubtreeCreated(diskPath, joinPath(path13, e.name));
      }
    }
    if (diskIsDir && !inPlace) {
      const shown = dir.lower !== null ? new Set(lower.readdir(dir.lower).map((e) => e.name)) : void 0;
      for (const e of lower.readdir(path13)) {
        if (entries.has(e.name) || shown?.has(e.name)) continue;
        const stat2 = diskStat(joinPath(path13, e.name));
        if (stat2 !== void 0) out.push(fromDisk(stat2, joinPath(path13, e.name), joinPath(path13, e.name), "deleted"));
      }
    }
    for (const [name, entry] of entries) {
      const childPath = joinPath(path13, name);
      const mayBeOnDisk = diskIsDir && (!inPlace || dir.covered.has(name));
      const before = mayBeOnDisk ? diskStat(childPath) : void 0;
      if (entry === null) {
        if (before !== void 0) out.push(fromDisk(before, childPath, childPath, "deleted"));
        continue;
      }
      if (before === void 0) out.push(fromInode(entry, childPath, "created", false, false));
      else pushIfModified(entry, childPath, before);
      if (entry.isDirectory) visit(entry, childPath, before !== void 0 && (before.mode & S_IFMT2) === S_IFDIR2);
    }
  };
  visit(tree.root, "/", true);
  const listed = new Set(out.map((e) => e.path));
  for (const inode of tree.hardLinkedCopies()) {
    for (const alias of inode.diskAliases) {
      if (listed.has(alias)) continue;
      const found = tree.walk(alias, { followLast: false, readOnly: false });
      const before = diskStat(alias);
      if (typeof found === "string" || found.node !== inode || before === void 0) continue;
      pushIfModified(inode, alias, before);
      listed.add(alias);
    }
  }
  out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return out;
}

// src/overlay/overlay.ts
var { O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, O_NOFOLLOW } = import_node_fs3.constants;
var O_ACCMODE = 3;
var COPYFILE_EXCL = import_node_fs3.constants.COPYFILE_EXCL;
var COPYFILE_FICLONE_FORCE = import_node_fs3.constants.COPYFILE_FICLONE_FORCE;
var COPYFILE_COPIES_TIMES = libuvAtLeast(1, 48);
var TEMP_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
function processIdentity() {
  if (typeof process.getuid !== "function") return { uid: 0, gid: 0, groups: [] };
  return { uid: process.getuid(), gid: process.getgid(), groups: process.getgroups?.() ?? [] };
}
function sameNode(a, b) {
  if (a === b) return true;
  return a instanceof LowerNode && b instanceof LowerNode && a.stat.ino === b.stat.ino && a.stat.dev === b.stat.dev;
}
var Overlay = class {
  tree;
  contents;
  fds = new DescriptorTable();
  identity;
  /** The engine's identity is the process's own, so the kernel's permission checks on disk reads are ours. */
  diskEnforcesIdentity;
  umask;
  cwd;
  now;
  observer;
  /** Entries an rm in progress has removed (canonical paths), reported if it fails half-way. */
  removedSoFar = null;
  /** Live upper inodes by number, for inspectInode. */
  byIno = /* @__PURE__ */ new Map();
  constructor(options) {
    this.identity = options.identity ?? processIdentity();
    this.diskEnforcesIdentity = options.lower.readFileNoFollow !== void 0 && this.identity.uid === processIdentity().uid && this.identity.gid === processIdentity().gid;
    this.umask = options.umask ?? (() => process.umask());
    this.now = options.now ?? wallClockNs;
    this.observer = options.observer;
    this.cwd = options.cwd ?? (() => process.cwd());
    this.tree = new MergedTree(options.lower, this.identity, this.cwd);
    this.contents = new ContentStore(options.lower, options.quotaBytes ?? Number.POSITIVE_INFINITY);
    if (this.observer !== void 0) {
      this.contents.onRefused = (inode, requestedBytes, path13) => this.emitQuotaRefusal(inode === void 0 ? path13 : this.tree.pathOf(inode), requestedBytes);
    }
  }
  // ---- Resolution helpers --------------------------------------------------------------------------------------
  /** Resolves `path`; a failure is reported as `syscall` on `errorPath` (-> `dest`), the caller's wording. */
  lookup(path13, followLast, readOnly, syscall, errorPath = path13, dest) {
    const found = this.tree.walk(path13, { followLast, readOnly });
    if (typeof found === "string") throw uvError(found, syscall, errorPath, dest);
    return found;
  }
  lookupToCreate(path13, syscall, errorPath = path13, dest) {
    const found = this.tree.walk(path13, { followLast: false, readOnly: false, create: true });
    if (typeof found === "string") throw uvError(found, syscall, errorPath, dest);
    return found;
  }
  /** O_CREAT without O_EXCL follows a final symlink (creating a dangling link's target), slash or not. */
  lookupCreateFollowing(path13, syscall) {
    const trailing = path13.length > 1 && path13.charCodeAt(path13.length - 1) === 47;
    if (trailing) return this.lookupToCreate(path13, syscall);
    return this.lookup(path13, true, false, syscall);
  }
  existing(path13, followLast, syscall) {
    const found = this.lookup(path13, followLast, true, syscall);
    if (found.node === void 0) throw uvError("ENOENT", syscall, path13);
    return found.node;
  }
  owned(node) {
    return node instanceof Inode ? node : node.stat;
  }
  upper(node) {
    const inode = this.tree.toUpper(node);
    this.byIno.set(inode.ino, inode);
    return inode;
  }
  emit(change) {
    this.observer?.onChange(change);
  }
  emitQuotaRefusal(path13, requestedBytes) {
    this.observer?.onChange({ kind: "quota-exceeded", path: path13 ?? "", requestedBytes, quotaBytes: this.quotaBytes() });
  }
  absolutePath(path13) {
    return path13.charCodeAt(0) === 47 ? path13 : joinPath(this.cwd(), path13);
  }
  emitContent(inode) {
    if (this.observer === void 0) return;
    const path13 = this.tree.pathOf(inode);
    if (path13 === void 0) return;
    const unchangedPrefix = inode.contentReported ? Math.min(inode.changedFrom, inode.size) : 0;
    inode.contentReported = true;
    inode.changedFrom = Number.POSITIVE_INFINITY;
    if (unchangedPrefix > 0) this.observer.onChange({ kind: "content", path: path13, ino: inode.ino, unchangedPrefix });
    else this.observer.onChange({ kind: "content", path: path13, ino: inode.ino });
  }
  emitMetadata(inode) {
    if (this.observer === void 0) return;
    const path13 = this.tree.pathOf(inode);
    if (path13 !== void 0) this.observer.onChange({ kind: "metadata", path: path13 });
  }
  entryPath(lookup) {
    return this.tree.entryPath(lookup.dir, lookup.name);
  }
  /** W and X on the directory an entry is created in or removed from. */
  mayChangeEntries(dir) {
    return this.identity.uid === 0 || mayAccess(this.identity, this.owned(dir), W_OK | X_OK);
  }
  touch(inode, t) {
    inode.mtimeNs = t;
    inode.ctimeNs = t;
  }
  /** A new inode in `parent` with the creator's identity (and the directory's group when it is set-group-ID). */
  newInode(parent, mode, t) {
    const groupFromDir = (parent.mode & S_ISGID) !== 0;
    if (groupFromDir && (mode & S_IFMT2) === S_IFDIR2) mode |= S_ISGID;
    const inode = new Inode(
      parent.dev,
      this.tree.allocateIno(),
      mode,
      this.identity.uid,
      groupFromDir ? parent.gid : this.identity.gid,
      t
    );
    this.byIno.set(inode.ino, inode);
    return inode;
  }
  /** An inode lost one name (or all, for a directory): free it once nothing refers to it any more. */
  dropLink(inode, t) {
    if (inode.isDirectory) inode.nlink = 0;
    else if (inode.nlink > 0) inode.nlink--;
    inode.ctimeNs = t;
    if (inode.nlink === 0 && inode.openCount === 0) this.forget(inode);
  }
  forget(inode) {
    this.contents.release(inode);
    if (this.byIno.get(inode.ino) === inode) this.byIno.delete(inode.ino);
  }
  /** Removes the entry `name` (holding `node`) from `dir`, leaving a whiteout where the disk had that name. */
  detach(dir, name, node, t) {
    const entry = dir.entries.get(name);
    if (entry !== void 0 && entry !== null && entry === node) this.tree.removeEntry(dir, name);
    else if (node instanceof LowerNode) {
      const orphan = this.tree.hideDiskEntry(dir, node);
      if (orphan !== void 0) orphan.ctimeNs = t;
    } else {
      dir.entries.set(name, null);
      dir.covered.add(name);
    }
  }
  /** Whether a directory shows no entry in the merged view. */
  isEmptyDir(node) {
    if (node instanceof LowerNode) return this.tree.lower.readdir(node.path).length === 0;
    for (const entry of node.entries.values()) if (entry !== null) return false;
    if (node.lower === null || node.opaque) return true;
    for (const e of this.tree.lower.readdir(node.lower)) if (node.entries.get(e.name) !== null) return false;
    return true;
  }
  descriptor(fd, syscall) {
    const d = this.fds.get(fd);
    if (d === void 0) throw uvError("EBADF", syscall);
    return d;
  }
  /** The inode a descriptor reads now: a disk entry opened read-only may have been copied up since. */
  currentInode(d) {
    if (d.inode !== null) return d.inode;
    const copied = this.tree.upperOfDisk(d.lowerNode.stat);
    if (copied !== void 0) {
      d.inode = copied;
      copied.openCount++;
    }
    return copied;
  }
  // ---- Descriptors ---------------------------------------------------------------------------------------------
  open(path13, flags, mode = 438) {
    const { inode, lowerNode, created, truncated } = this.openNode(path13, flags, mode, "open");
    const access2 = flags & O_ACCMODE;
    const d = new Descriptor(
      inode,
      lowerNode,
      access2 !== O_WRONLY,
      access2 === O_WRONLY || access2 === O_RDWR,
      (flags & O_APPEND) !== 0
    );
    if (inode !== null) {
      inode.openCount++;
      if (created || truncated) d.dirty = true;
    }
    return this.fds.add(d);
  }
  /**
   * open(2)'s path half: find or create the file, check what the kernel checks in its order, copy up when the
   * descriptor may write, truncate when asked. Read-only opens of disk files return the disk node untouched.
   */
  openNode(path13, flags, mode, syscall) {
    const access2 = flags & O_ACCMODE;
    const create = (flags & O_CREAT) !== 0;
    if (create && (flags & O_DIRECTORY) !== 0) throw uvError("EINVAL", syscall, path13);
    const exclusive = create && (flags & O_EXCL) !== 0;
    const truncate2 = (flags & O_TRUNC) !== 0;
    const writes = access2 === O_WRONLY || access2 === O_RDWR || truncate2;
    const follow = (flags & O_NOFOLLOW) === 0 && !exclusive;
    const found = create && !exclusive && follow ? this.lookupCreateFollowing(path13, syscall) : create ? this.lookupToCreate(path13, syscall) : this.lookup(path13, follow, !writes, syscall);
    if (create && found.trailingSlash) throw uvError("EISDIR", syscall, path13);
    const node = found.node;
    if (node === void 0) {
      if (!create) throw uvError("ENOENT", syscall, path13);
      if (!this.mayChangeEntries(found.dir)) throw uvError("EACCES", syscall, path13);
      const t = this.now();
      const parent = this.upper(found.dir);
      const inode2 = this.newInode(parent, S_IFREG | mode & ~this.umask() & 4095, t);
      this.tree.setEntry(parent, found.name, inode2, false);
      this.touch(parent, t);
      return { inode: inode2, lowerNode: null, created: true, truncated: false };
    }
    if (exclusive) throw uvError("EEXIST", syscall, path13);
    const type = modeOf(node) & S_IFMT2;
    if (type === S_IFLNK) throw uvError("ELOOP", syscall, path13);
    if (type === S_IFDIR2) {
      if (create || writes) throw uvError("EISDIR", syscall, path13);
    } else if ((flags & O_DIRECTORY) !== 0) throw uvError("ENOTDIR", syscall, path13);
    const want = (access2 !== O_WRONLY ? R_OK : 0) | (writes ? W_OK : 0);
    if (!mayAccess(this.identity, this.owned(node), want)) throw uvError("EACCES", syscall, path13);
    if (!writes) {
      if (node instanceof Inode) return { inode: node, lowerNode: null, created: false, truncated: false };
      return { inode: null, lowerNode: node, created: false, truncated: false };
    }
    const inode = this.upper(node);
    if (truncate2 && type === S_IFREG) {
      this.contents.truncate(inode, 0, syscall);
      this.touch(inode, this.now());
      this.dropPrivileges(inode);
      inode.contentChanged = true;
      return { inode, lowerNode: null, created: false, truncated: true };
    }
    return { inode, lowerNode: null, created: false, truncated: false };
  }
  close(fd) {
    const d = this.descriptor(fd, "close");
    this.fds.delete(fd);
    const inode = d.inode;
    if (inode === null) return;
    if (d.dirty) this.emitContent(inode);
    inode.openCount--;
    if (inode.openCount === 0 && inode.nlink === 0) this.forget(inode);
  }
  read(fd, buffer, offset, length, position) {
    const d = this.descriptor(fd, "read");
    if (!d.readable) throw uvError("EBADF", "read");
    const inode = this.currentInode(d);
    const useCurrent = position === null || position < 0;
    const at = useCurrent ? d.position : position;
    let n;
    if (inode !== void 0) {
      if (inode.isDirectory) throw uvError("EISDIR", "read");
      n = this.contents.read(inode, buffer, offset, length, at);
    } else {
      const lower = d.lowerNode;
      if (lower.isDirectory) throw uvError("EISDIR", "read");
      n = this.readDisk(lower.path, buffer, offset, length, at);
    }
    if (useCurrent) d.position += n;
    return n;
  }
  readDisk(path13, buffer, offset, length, position) {
    const disk = this.tree.lower;
    const fd = disk.openForRead(path13);
    try {
      return disk.read(fd, buffer, offset, length, position);
    } finally {
      disk.close(fd);
    }
  }
  write(fd, buffer, offset, length, position) {
    const d = this.descriptor(fd, "write");
    if (!d.writable) throw uvError("EBADF", "write");
    const inode = d.inode;
    const useCurrent = position === null || position < 0;
    const at = d.append ? inode.size : useCurrent ? d.position : position;
    if (length === 0) return 0;
    this.contents.write(inode, buffer, offset, length, at, "write");
    if (useCurrent) d.position = at + length;
    this.touch(inode, this.now());
    this.dropPrivileges(inode);
    inode.contentChanged = true;
    d.dirty = true;
    return length;
  }
  /** Linux clears set-user-ID (and set-group-ID with group execute) when an unprivileged process writes. */
  dropPrivileges(inode) {
    if (this.identity.uid === 0 || (inode.mode & (S_ISUID | S_ISGID)) === 0) return;
    inode.mode &= ~S_ISUID;
    if ((inode.mode & 8) !== 0) inode.mode &= ~S_ISGID;
  }
  fstat(fd) {
    const d = this.descriptor(fd, "fstat");
    const inode = this.currentInode(d);
    return inode !== void 0 ? inode.stat() : d.lowerNode.stat;
  }
  ftruncate(fd, length) {
    const d = this.descriptor(fd, "ftruncate");
    const inode = d.inode;
    if (!d.writable || inode === null || !inode.isFile) throw uvError("EINVAL", "ftruncate");
    if (length < 0) throw uvError("EINVAL", "ftruncate");
    this.contents.truncate(inode, length, "ftruncate");
    this.touch(inode, this.now());
    this.dropPrivileges(inode);
    inode.contentChanged = true;
    d.dirty = true;
  }
  fsync(fd) {
    this.sync(fd, "fsync");
  }
  fdatasync(fd) {
    this.sync(fd, "fdatasync");
  }
  sync(fd, syscall) {
    const d = this.descriptor(fd, syscall);
    if (d.dirty && d.inode !== null) {
      d.dirty = false;
      this.emitContent(d.inode);
    }
  }
  descriptorInode(d) {
    const current = this.currentInode(d);
    if (current !== void 0) return current;
    const settled = this.tree.settle(d.lowerNode);
    const inode = settled !== void 0 ? this.upper(settled) : this.tree.copyUpNameless(d.lowerNode);
    this.byIno.set(inode.ino, inode);
    d.inode = inode;
    inode.openCount++;
    return inode;
  }
  fchmod(fd, mode) {
    const d = this.descriptor(fd, "fchmod");
    const node = this.currentInode(d) ?? d.lowerNode;
    if (!isOwnerOrRoot(this.identity, this.owned(node))) throw uvError("EPERM", "fchmod");
    this.changeMode(this.descriptorInode(d), mode);
  }
  fchown(fd, uid, gid) {
    const d = this.descriptor(fd, "fchown");
    const node = this.currentInode(d) ?? d.lowerNode;
    this.checkChown(node, uid, gid, "fchown", void 0);
    this.changeOwner(this.descriptorInode(d), uid, gid);
  }
  futimes(fd, atimeNs, mtimeNs) {
    const d = this.descriptor(fd, "futime");
    const node = this.currentInode(d) ?? d.lowerNode;
    if (!isOwnerOrRoot(this.identity, this.owned(node))) throw uvError("EPERM", "futime");
    this.changeTimes(this.descriptorInode(d), atimeNs, mtimeNs);
  }
  isOverlayFd(fd) {
    return this.fds.has(fd);
  }
  // ---- Metadata by path ----------------------------------------------------------------------------------------
  stat(path13) {
    return this.statUntouched(path13, true) ?? statOf(this.existing(path13, true, "stat"));
  }
  lstat(path13) {
    return this.statUntouched(path13, false) ?? statOf(this.existing(path13, false, "lstat"));
  }
  /**
   * One lstat for a path in untouched disk directories: the record, null when nothing is there (certain: the
   * merged view there is the disk's), undefined when the full walk must answer.
   */
  statUntouched(path13, follow) {
    if (!this.diskEnforcesIdentity) return void 0;
    const diskPath = this.tree.fastDiskPath(path13);
    if (diskPath === void 0) return void 0;
    let stat2;
    try {
      stat2 = this.tree.tryLstat(diskPath);
    } catch {
      return void 0;
    }
    if (stat2 === void 0) return null;
    if (follow && (stat2.mode & S_IFMT2) === S_IFLNK) return void 0;
    if (stat2.nlink > 1 && (stat2.mode & S_IFMT2) !== S_IFDIR2) return void 0;
    return stat2;
  }
  tryStat(path13, followLast) {
    const fast = this.statUntouched(path13, followLast);
    if (fast !== void 0) return fast ?? void 0;
    const found = this.tree.walk(path13, { followLast, readOnly: true });
    if (typeof found === "string") {
      if (found === "ENOENT" || found === "ENOTDIR") return void 0;
      throw uvError(found, followLast ? "stat" : "lstat", path13);
    }
    return found.node === void 0 ? void 0 : statOf(found.node);
  }
  access(path13, mode) {
    const node = this.existing(path13, true, "access");
    const want = mode & (R_OK | W_OK | X_OK);
    if (want !== 0 && !mayAccess(this.identity, this.owned(node), want)) throw uvError("EACCES", "access", path13);
  }
  exists(path13) {
    const fast = this.statUntouched(path13, true);
    if (fast !== void 0) return fast !== null;
    const found = this.tree.walk(path13, { followLast: true, readOnly: true });
    return typeof found !== "string" && found.node !== void 0;
  }
  chmod(path13, mode) {
    const node = this.lookupForChange(path13, true, "chmod");
    if (!isOwnerOrRoot(this.identity, this.owned(node))) throw uvError("EPERM", "chmod", path13);
    this.changeMode(this.upper(node), mode);
  }
  lookupForChange(path13, follow, syscall) {
    const found = this.lookup(path13, follow, false, syscall);
    if (found.node === void 0) throw uvError("ENOENT", syscall, path13);
    return found.node;
  }
  changeMode(inode, mode) {
    let bits = mode & 4095;
    if (this.identity.uid !== 0 && !inode.isDirectory && !inGroup(this.identity, inode.gid)) bits &= ~S_ISGID;
    inode.mode = inode.mode & S_IFMT2 | bits;
    inode.ctimeNs = this.now();
    inode.metadataChanged = true;
    this.emitMetadata(inode);
  }
  chown(path13, uid, gid) {
    this.chownAt(path13, uid, gid, true, "chown");
  }
  lchown(path13, uid, gid) {
    this.chownAt(path13, uid, gid, false, "lchown");
  }
  chownAt(path13, uid, gid, follow, syscall) {
    const node = this.lookupForChange(path13, follow, syscall);
    this.checkChown(node, uid, gid, syscall, path13);
    this.changeOwner(this.upper(node), uid, gid);
  }
  checkChown(node, uid, gid, syscall, path13) {
    if (this.identity.uid === 0) return;
    const o = this.owned(node);
    const owner = this.identity.uid === o.uid;
    const uidRefused = uid !== -1 && !(owner && uid === o.uid);
    const gidRefused = gid !== -1 && !(owner && (gid === o.gid || inGroup(this.identity, gid)));
    if (uidRefused || gidRefused) throw uvError("EPERM", syscall, path13);
  }
  changeOwner(inode, uid, gid) {
    if (uid !== -1) inode.uid = uid;
    if (gid !== -1) inode.gid = gid;
    if (!inode.isDirectory && !inode.isSymlink) {
      inode.mode &= ~S_ISUID;
      if ((inode.mode & 8) !== 0) inode.mode &= ~S_ISGID;
    }
    inode.ctimeNs = this.now();
    inode.metadataChanged = true;
    this.emitMetadata(inode);
  }
  utimes(path13, atimeNs, mtimeNs) {
    this.utimesAt(path13, atimeNs, mtimeNs, true, "utime");
  }
  lutimes(path13, atimeNs, mtimeNs) {
    this.utimesAt(path13, atimeNs, mtimeNs, false, "lutime");
  }
  utimesAt(path13, atimeNs, mtimeNs, follow, syscall) {
    const node = this.lookupForChange(path13, follow, syscall);
    if (!isOwnerOrRoot(this.identity, this.owned(node))) throw uvError("EPERM", syscall, path13);
    this.changeTimes(this.upper(node), atimeNs, mtimeNs);
  }
  changeTimes(inode, atimeNs, mtimeNs) {
    inode.atimeNs = atimeNs;
    inode.mtimeNs = mtimeNs;
    inode.ctimeNs = this.now();
    inode.metadataChanged = true;
    this.emitMetadata(inode);
  }
  // ---- Content by path -----------------------------------------------------------------------------------------
  readFile(path13, flags = 0) {
    if (flags === 0 && this.diskEnforcesIdentity) {
      const fast = this.readUntouched(path13);
      if (fast !== void 0) return fast;
    }
    if ((flags & (O_CREAT | O_TRUNC | O_ACCMODE)) === 0) {
      const found = this.lookup(path13, (flags & O_NOFOLLOW) === 0, true, "open");
      const node = found.node;
      if (node === void 0) throw uvError("ENOENT", "open", path13);
      if (isSymlink(node)) throw uvError("ELOOP", "open", path13);
      if (!mayAccess(this.identity, this.owned(node), R_OK)) throw uvError("EACCES", "open", path13);
      if (isDirectory(node)) throw uvError("EISDIR", "read");
      if (node instanceof Inode) return this.contents.readAll(node, "open", path13);
      try {
        return this.tree.lower.readFile(node.path);
      } catch (error) {
        throw this.diskError(error, "open", path13);
      }
    }
    const fd = this.open(path13, flags, 438);
    try {
      const d = this.fds.get(fd);
      if (!d.readable) throw uvError("EBADF", "read");
      const inode = d.inode;
      if (inode.isDirectory) throw uvError("EISDIR", "read");
      return this.contents.readAll(inode);
    } finally {
      this.close(fd);
    }
  }
  /**
   * A file the overlay never touched, in a directory it never touched: open, fstat, read, close on the disk, as
   * Node's own readFileSync does. Undefined when the full walk must answer (symlinks, errors, changed regions).
   */
  readUntouched(path13) {
    const diskPath = this.tree.fastDiskPath(path13);
    if (diskPath === void 0) return void 0;
    let result;
    try {
      result = this.tree.lower.readFileNoFollow(diskPath);
    } catch {
      return void 0;
    }
    if (result === "directory") throw uvError("EISDIR", "read");
    return typeof result === "string" ? void 0 : result;
  }
  /** A disk error seen while serving a caller's path, reported with the caller's path. */
  diskError(error, syscall, path13) {
    const code = codeOf(error);
    return code === void 0 ? error : uvError(code, syscall, path13);
  }
  writeFile(path13, data, flags, mode) {
    const appending = (flags & O_APPEND) !== 0;
    if (this.contents.used + data.byteLength > this.quotaLeftFor(path13, flags)) {
      this.openNodeDryRun(path13, flags);
      this.emitQuotaRefusal(this.absolutePath(path13), data.byteLength);
      throw uvError("ENOSPC", "write");
    }
    const { inode } = this.openNode(path13, flags, mode, "open");
    const access2 = flags & O_ACCMODE;
    if (access2 !== O_WRONLY && access2 !== O_RDWR) throw uvError("EBADF", "write");
    const target = inode;
    if (data.byteLength > 0) {
      if (appending) this.contents.write(target, data, 0, data.byteLength, target.size, "write");
      else if (target.size === 0 && target.contentFrom === null) this.contents.replace(target, data, "write");
      else this.contents.write(target, data, 0, data.byteLength, 0, "write");
      this.touch(target, this.now());
      this.dropPrivileges(target);
      target.contentChanged = true;
    }
    this.emitContent(target);
  }
  /** The quota as seen by a whole-file write to `path`: what truncating its current content would free counts. */
  quotaLeftFor(path13, flags) {
    const quota = this.quotaBytes();
    if (quota === Number.POSITIVE_INFINITY || (flags & O_TRUNC) === 0) return quota;
    const found = this.tree.walk(path13, { followLast: true, readOnly: true });
    if (typeof found !== "string" && found.node instanceof Inode) return quota + found.node.held;
    return quota;
  }
  quotaBytes() {
    return this.contents.quota;
  }
  /** Raises the error open would raise for these arguments, without changing anything. */
  openNodeDryRun(path13, flags) {
    const found = this.lookup(path13, (flags & O_NOFOLLOW) === 0 && (flags & O_EXCL) === 0, true, "open");
    if (found.node === void 0) {
      if ((flags & O_CREAT) === 0) throw uvError("ENOENT", "open", path13);
      if (!this.mayChangeEntries(found.dir)) throw uvError("EACCES", "open", path13);
      return;
    }
    if ((flags & O_CREAT) !== 0 && (flags & O_EXCL) !== 0) throw uvError("EEXIST", "open", path13);
    if (isDirectory(found.node)) throw uvError("EISDIR", "open", path13);
    if (!mayAccess(this.identity, this.owned(found.node), W_OK)) throw uvError("EACCES", "open", path13);
  }
  truncate(path13, length) {
    const found = this.lookup(path13, true, false, "open");
    const node = found.node;
    if (node === void 0) throw uvError("ENOENT", "open", path13);
    if (isDirectory(node)) throw uvError("EISDIR", "open", path13);
    if (!mayAccess(this.identity, this.owned(node), W_OK)) throw uvError("EACCES", "open", path13);
    if (length < 0) throw uvError("EINVAL", "ftruncate");
    const inode = node instanceof Inode ? node : void 0;
    if (node instanceof LowerNode && length > 0) this.contents.ensureRoom(inode, Math.min(length, node.stat.size), "ftruncate", node.path);
    const target = this.upper(node);
    this.contents.truncate(target, length, "ftruncate");
    this.touch(target, this.now());
    this.dropPrivileges(target);
    target.contentChanged = true;
    this.emitContent(target);
  }
  copyFile(src, dest, mode) {
    const from = this.tree.walk(src, { followLast: true, readOnly: true });
    if (typeof from === "string") throw uvError(from, "copyfile", src, dest);
    const source = from.node;
    if (source === void 0) throw uvError("ENOENT", "copyfile", src, dest);
    if (!mayAccess(this.identity, this.owned(source), R_OK)) throw uvError("EACCES", "copyfile", src, dest);
    const sourceStat = statOf(source);
    const exclusive = (mode & COPYFILE_EXCL) !== 0;
    const slash = dest.length > 1 && dest.charCodeAt(dest.length - 1) === 47;
    const to = this.tree.walk(dest, { followLast: !exclusive && !slash, readOnly: false, create: exclusive || slash });
    if (typeof to === "string") throw uvError(to, "copyfile", src, dest);
    if (slash) throw uvError("EISDIR", "copyfile", src, dest);
    const target = to.node;
    if (target !== void 0) {
      if (exclusive) throw uvError("EEXIST", "copyfile", src, dest);
      if (isDirectory(target)) throw uvError("EISDIR", "copyfile", src, dest);
      if (!mayAccess(this.identity, this.owned(target), W_OK)) throw uvError("EACCES", "copyfile", src, dest);
    } else {
      if (to.trailingSlash) throw uvError("EISDIR", "copyfile", src, dest);
      if (!this.mayChangeEntries(to.dir)) throw uvError("EACCES", "copyfile", src, dest);
    }
    if (target !== void 0 && sameNode(source, target)) return;
    if ((mode & COPYFILE_FICLONE_FORCE) === COPYFILE_FICLONE_FORCE) this.failCopyAfterOpen(sourceStat, to, "ENOTSUP", src, dest);
    if (isDirectory(source)) this.failCopyAfterOpen(sourceStat, to, "EISDIR", src, dest);
    let bytes;
    try {
      bytes = source instanceof Inode ? this.contents.readAll(source) : this.tree.lower.readFile(source.path);
    } catch (error) {
      const code = codeOf(error);
      throw code === void 0 ? error : uvError(code, "copyfile", src, dest);
    }
    const held = target instanceof Inode ? target.held : 0;
    if (bytes.length > held && this.contents.used + bytes.length - held > this.quotaBytes()) {
      this.emitQuotaRefusal(target instanceof Inode ? this.tree.pathOf(target) ?? this.absolutePath(dest) : this.absolutePath(dest), bytes.length);
      throw uvError("ENOSPC", "copyfile", src, dest);
    }
    const t = this.now();
    let inode;
    if (target === void 0) {
      const parent = this.upper(to.dir);
      inode = this.newInode(parent, S_IFREG | sourceStat.mode & 4095, t);
      this.tree.setEntry(parent, to.name, inode, false);
      this.touch(parent, t);
    } else inode = this.upper(target);
    this.contents.replace(inode, bytes, "copyfile");
    this.touch(inode, t);
    this.copyAttributes(inode, sourceStat, t);
    if (bytes.length > 0) {
      inode.mtimeNs = t;
      this.dropPrivileges(inode);
    }
    inode.contentChanged = true;
    this.emitContent(inode);
  }
  /**
   * libuv opens the destination (creating or truncating it) and sets the source's mode before the copy itself
   * fails (EISDIR from a directory, ENOTSUP from a forced clone); it then unlinks the destination. Linux leaves
   * exactly that behind: do the same.
   */
  /**
   * What libuv does to the destination once it is open: on 1.48+ (Node 22+) the source's times, then its owner
   * (fchown, a refusal ignored), then on every version its mode (fchmod).
   */
  copyAttributes(inode, source, t) {
    if (COPYFILE_COPIES_TIMES) {
      inode.atimeNs = source.atimeNs;
      inode.mtimeNs = source.mtimeNs;
      const id = this.identity;
      const mayChown = id.uid === 0 || id.uid === inode.uid && source.uid === inode.uid && (source.gid === inode.gid || inGroup(id, source.gid));
      if (mayChown) {
        inode.uid = source.uid;
        inode.gid = source.gid;
      }
    }
    inode.mode = inode.mode & S_IFMT2 | source.mode & 4095;
    inode.ctimeNs = t;
  }
  failCopyAfterOpen(source, to, code, src, dest) {
    const t = this.now();
    const perms = source.mode & 4095;
    let opened;
    if (to.node === void 0) {
      const parent = this.upper(to.dir);
      opened = this.newInode(parent, S_IFREG | perms, t);
      this.tree.setEntry(parent, to.name, opened, false);
      this.touch(parent, t);
    } else {
      opened = this.upper(to.node);
      this.contents.truncate(opened, 0, "copyfile");
      opened.contentChanged = true;
      this.touch(opened, t);
    }
    this.copyAttributes(opened, source, t);
    const named = this.tree.walk(dest, { followLast: false, readOnly: false, create: true });
    if (typeof named !== "string" && named.node !== void 0 && !isDirectory(named.node)) {
      const parent = this.upper(named.dir);
      this.detach(parent, named.name, named.node, t);
      this.touch(parent, t);
      if (named.node instanceof Inode) this.dropLink(named.node, t);
      if (this.observer !== void 0) {
        if (named.node !== opened) this.emitContent(opened);
        this.emit({ kind: "remove", path: this.entryPath(named) });
      }
    }
    throw uvError(code, "copyfile", src, dest);
  }
  // ---- Directories ---------------------------------------------------------------------------------------------
  mkdir(path13, mode, recursive) {
    if (!recursive) {
      this.makeDirectory(path13, mode);
      return void 0;
    }
    return this.makeDirectories(path13, mode);
  }
  makeDirectory(path13, mode, syscall = "mkdir", errorPath = path13) {
    const found = this.lookupToCreate(path13, syscall, errorPath);
    if (found.node !== void 0) throw uvError("EEXIST", syscall, errorPath);
    if (!this.mayChangeEntries(found.dir)) throw uvError("EACCES", syscall, errorPath);
    const t = this.now();
    const parent = this.upper(found.dir);
    const inode = this.newInode(parent, S_IFDIR2 | mode & ~this.umask() & 1023, t);
    this.tree.setEntry(parent, found.name, inode, false);
    parent.nlink++;
    this.touch(parent, t);
    if (this.observer !== void 0) this.emit({ kind: "mkdir", path: this.entryPath(found) });
    return inode;
  }
  /**
   * mkdir -p as Node's MKDirpSync does it: create from the deepest missing ancestor down and return the first
   * directory created (undefined when it all existed).
   */
  makeDirectories(path13, mode) {
    const missing = [];
    let current = path13;
    for (; ; ) {
      const found = this.tree.walk(current, { followLast: true, readOnly: true });
      if (typeof found === "string") {
        if (found !== "ENOENT") throw uvError(found, "mkdir", path13);
      } else if (found.node !== void 0) {
        if (!isDirectory(found.node)) throw uvError(missing.length === 0 ? "EEXIST" : "ENOTDIR", "mkdir", path13);
        break;
      }
      missing.push(current);
      const parent = parentPathOf(current);
      if (parent === current) break;
      current = parent;
    }
    let first;
    for (let i = missing.length - 1; i >= 0; i--) {
      const dir = missing[i];
      try {
        this.makeDirectory(dir, mode, "mkdir", path13);
      } catch (error) {
        if (codeOf(error) !== "EEXIST") throw error;
        const there = this.tree.walk(dir, { followLast: true, readOnly: true });
        if (typeof there !== "string" && there.node !== void 0) {
          if (isDirectory(there.node)) continue;
          throw uvError(i === 0 ? "EEXIST" : "ENOTDIR", "mkdir", path13);
        }
        throw uvError(typeof there === "string" ? there : "ENOENT", "mkdir", path13);
      }
      first ??= dir;
    }
    return first;
  }
  mkdtemp(prefix) {
    for (let attempt = 0; attempt < 100; attempt++) {
      let name = prefix;
      for (let i = 0; i < 6; i++) name += TEMP_CHARS[Math.floor(Math.random() * TEMP_CHARS.length)];
      try {
        this.makeDirectory(name, 448, "mkdtemp", `${prefix}XXXXXX`);
        return name;
      } catch (error) {
        if (codeOf(error) !== "EEXIST") throw error;
      }
    }
    throw uvError("EEXIST", "mkdtemp", `${prefix}XXXXXX`);
  }
  readdir(path13) {
    const node = this.existing(path13, true, "scandir");
    if (!isDirectory(node)) throw uvError("ENOTDIR", "scandir", path13);
    if (!mayAccess(this.identity, this.owned(node), R_OK)) throw uvError("EACCES", "scandir", path13);
    try {
      if (node instanceof LowerNode) return this.tree.lower.readdir(node.path);
      return this.tree.list(node).map((e) => ({ name: e.name, type: e.type }));
    } catch (error) {
      throw this.diskError(error, "scandir", path13);
    }
  }
  rmdir(path13) {
    const last = lastComponent(path13);
    if (last === ".") throw uvError("EINVAL", "rmdir", path13);
    const found = this.lookupToCreate(path13, "rmdir");
    const node = found.node;
    if (node === void 0) throw uvError("ENOENT", "rmdir", path13);
    if (last === "..") throw uvError("ENOTEMPTY", "rmdir", path13);
    if (found.name === ".") throw uvError("EBUSY", "rmdir", path13);
    this.removeDirectory(found, node, "rmdir", path13);
    if (this.observer !== void 0) this.emit({ kind: "remove", path: this.entryPath(found) });
  }
  checkRemove(found, node, syscall, path13) {
    if (!this.mayChangeEntries(found.dir)) throw uvError("EACCES", syscall, path13);
    if (!mayRemoveFrom(this.identity, this.owned(found.dir), this.owned(node))) throw uvError("EPERM", syscall, path13);
  }
  removeDirectory(found, node, syscall, path13) {
    this.checkRemove(found, node, syscall, path13);
    if (!isDirectory(node)) throw uvError("ENOTDIR", syscall, path13);
    if (!this.isEmptyDir(node)) throw uvError("ENOTEMPTY", syscall, path13);
    const t = this.now();
    const parent = this.upper(found.dir);
    this.detach(parent, found.name, node, t);
    parent.nlink--;
    this.touch(parent, t);
    if (node instanceof Inode) this.dropLink(node, t);
  }
  unlink(path13) {
    const found = this.lookupToCreate(path13, "unlink");
    const node = found.node;
    if (node === void 0) throw uvError("ENOENT", "unlink", path13);
    if (found.trailingSlash) throw uvError(isDirectory(node) ? "EISDIR" : "ENOTDIR", "unlink", path13);
    if (found.name === ".") throw uvError("EISDIR", "unlink", path13);
    this.checkRemove(found, node, "unlink", path13);
    if (isDirectory(node)) throw uvError("EISDIR", "unlink", path13);
    this.removeFile(found, node);
    if (this.observer !== void 0) this.emit({ kind: "remove", path: this.entryPath(found) });
  }
  removeFile(found, node) {
    const t = this.now();
    const parent = this.upper(found.dir);
    this.detach(parent, found.name, node, t);
    this.touch(parent, t);
    if (node instanceof Inode) this.dropLink(node, t);
  }
  /**
   * Node 20's rm: a look at the path first (lstat), where `force` forgives only ENOENT. Later Node versions forgive
   * more (ENOTDIR, ELOOP with recursive on 22+/24+): node/ adapts per version around this.
   */
  rm(path13, options) {
    const found = this.tree.walk(path13, { followLast: false, readOnly: false });
    if (typeof found === "string") {
      if (found === "ENOENT" && options.force) return;
      if (options.recursive && options.force) return this.rimrafWithoutStats(path13);
      throw uvError(found, "lstat", path13);
    }
    if (found.node === void 0) {
      if (options.force) return;
      throw uvError("ENOENT", "lstat", path13);
    }
    this.removedSoFar = this.observer !== void 0 ? [] : null;
    try {
      this.removeFound(found, found.node, path13, options);
    } catch (error) {
      for (const removed of this.removedSoFar ?? []) this.emit({ kind: "remove", path: removed });
      throw error;
    } finally {
      this.removedSoFar = null;
    }
    if (this.observer !== void 0) this.emit({ kind: "remove", path: this.entryPath(found) });
  }
  /** rimraf when its lstat failed: unlink, then rmdir on EISDIR/EPERM, each with the kernel's own answer. */
  rimrafWithoutStats(path13) {
    try {
      this.unlink(path13);
    } catch (error) {
      const code = codeOf(error);
      if (code === "ENOENT") return;
      if (code !== "EISDIR" && code !== "EPERM") throw error;
      try {
        this.rmdir(path13);
      } catch (second) {
        const secondCode = codeOf(second);
        if (secondCode === "ENOENT") return;
        throw secondCode === "ENOTDIR" ? error : second;
      }
    }
  }
  removeFound(found, node, path13, options) {
    if (!isDirectory(node)) {
      this.checkRemove(found, node, "unlink", path13);
      this.removeFile(found, node);
      return;
    }
    if (!options.recursive) throw uvError("EISDIR", "rm", path13);
    if (options.childrenFirst === true) {
      this.removeChildrenFirst(found, node, path13);
      return;
    }
    if (found.trailingSlash) {
      const named = this.tree.walk(path13, { followLast: false, readOnly: true, create: true });
      if (typeof named !== "string" && named.node !== void 0 && isSymlink(named.node)) {
        throw uvError("ENOTDIR", "rmdir", path13);
      }
    }
    if (found.name === ".") throw uvError("EINVAL", "rmdir", path13);
    this.removeTree(found, node, path13);
  }
  /** Node 24+'s native order: children first, then the directory (see OverlayApi.rm). */
  removeChildrenFirst(found, node, path13) {
    let viaSymlink = false;
    if (found.trailingSlash) {
      const named = this.tree.walk(path13, { followLast: false, readOnly: true, create: true });
      viaSymlink = typeof named !== "string" && named.node !== void 0 && isSymlink(named.node);
    }
    if (found.name === ".") throw uvError("EINVAL", "rm", path13);
    if (!viaSymlink && this.identity.uid === 0 && node instanceof LowerNode) {
      this.removeTree(found, node, path13);
      return;
    }
    for (const entry of this.tree.list(node)) {
      const childPath = joinPath(path13, entry.name);
      const child = this.tree.child(node, entry.name);
      if (child === void 0) continue;
      const childLookup = { dir: node, name: entry.name, node: child, trailingSlash: false };
      if (isDirectory(child)) this.removeChildrenFirst(childLookup, child, childPath);
      else {
        this.checkRemove(childLookup, child, "rm", childPath);
        this.removeFile(childLookup, child);
      }
      this.removedSoFar?.push(this.entryPath(childLookup));
      if (node instanceof LowerNode) node = this.upper(node);
    }
    if (viaSymlink) throw uvError("ENOTDIR", "rm", path13);
    this.removeDirectory({ ...found, node }, node, "rm", path13);
  }
  /**
   * Removes a directory and everything in it. As root, an untouched disk subtree needs no visit: one whiteout hides
   * it. Otherwise entries are removed one by one (so permission failures stop where the disk's rm would stop).
   */
  removeTree(found, node, path13) {
    this.checkRemove(found, node, "rmdir", path13);
    if (this.identity.uid === 0 && node instanceof LowerNode) {
      const t = this.now();
      const parent = this.upper(found.dir);
      this.tree.hideDiskEntry(parent, node);
      parent.nlink--;
      this.touch(parent, t);
      return;
    }
    {
      for (const entry of this.tree.list(node)) {
        const childPath = joinPath(path13, entry.name);
        const child = this.tree.child(node, entry.name);
        if (child === void 0) continue;
        const childLookup = { dir: node, name: entry.name, node: child, trailingSlash: false };
        if (isDirectory(child)) this.removeTree(childLookup, child, childPath);
        else {
          this.checkRemove(childLookup, child, "unlink", childPath);
          this.removeFile(childLookup, child);
        }
        this.removedSoFar?.push(this.entryPath(childLookup));
        if (node instanceof LowerNode) node = this.upper(node);
        found = { ...found, node };
      }
    }
    this.removeDirectory(found, node, "rmdir", path13);
  }
  // ---- Names ---------------------------------------------------------------------------------------------------
  rename(oldPath, newPath) {
    const from = this.tree.walk(oldPath, { followLast: false, readOnly: false, create: true });
    if (typeof from === "string") throw uvError(from, "rename", oldPath, newPath);
    const to = this.tree.walk(newPath, { followLast: false, readOnly: false, create: true });
    if (typeof to === "string") throw uvError(to, "rename", oldPath, newPath);
    if (from.name === "." || to.name === ".") throw uvError("EBUSY", "rename", oldPath, newPath);
    const source = from.node;
    if (source === void 0) throw uvError("ENOENT", "rename", oldPath, newPath);
    const target = to.node;
    const sourceIsDir = isDirectory(source);
    if ((from.trailingSlash || to.trailingSlash) && !sourceIsDir) throw uvError("ENOTDIR", "rename", oldPath, newPath);
    if (sourceIsDir && this.isWithin(to.dir, source)) throw uvError("EINVAL", "rename", oldPath, newPath);
    if (target !== void 0 && isDirectory(target) && this.isWithin(from.dir, target)) {
      throw uvError("ENOTEMPTY", "rename", oldPath, newPath);
    }
    if (target !== void 0 && (target === source || sameNode(source, target))) return;
    if (!this.mayChangeEntries(from.dir) || !this.mayChangeEntries(to.dir)) {
      throw uvError("EACCES", "rename", oldPath, newPath);
    }
    if (!mayRemoveFrom(this.identity, this.owned(from.dir), this.owned(source)) || target !== void 0 && !mayRemoveFrom(this.identity, this.owned(to.dir), this.owned(target))) {
      throw uvError("EPERM", "rename", oldPath, newPath);
    }
    if (target !== void 0) {
      const targetIsDir = isDirectory(target);
      if (sourceIsDir && !targetIsDir) throw uvError("ENOTDIR", "rename", oldPath, newPath);
      if (!sourceIsDir && targetIsDir) throw uvError("EISDIR", "rename", oldPath, newPath);
    }
    if (sourceIsDir && this.identity.uid !== 0 && !sameNode(from.dir, to.dir) && !mayAccess(this.identity, this.owned(source), W_OK)) {
      throw uvError("EACCES", "rename", oldPath, newPath);
    }
    if (target !== void 0 && isDirectory(target) && !this.isEmptyDir(target)) {
      throw uvError("ENOTEMPTY", "rename", oldPath, newPath);
    }
    const fromPath = this.observer !== void 0 ? this.entryPath(from) : "";
    const t = this.now();
    const sourceParent = this.upper(from.dir);
    const inode = this.upper(source);
    const targetParent = this.upper(to.dir);
    let coversDisk = false;
    if (target !== void 0) {
      coversDisk = targetParent.entries.get(to.name) === void 0 || targetParent.covered.has(to.name);
      if (target instanceof Inode && targetParent.entries.get(to.name) === target) {
        this.tree.removeEntry(targetParent, to.name);
      }
      if (target instanceof Inode) this.dropLink(target, t);
      else {
        const orphan = this.tree.orphanDiskFile(target);
        if (orphan !== void 0) orphan.ctimeNs = t;
      }
      if (isDirectory(target)) targetParent.nlink--;
    }
    this.detach(sourceParent, from.name, inode, t);
    this.tree.setEntry(targetParent, to.name, inode, coversDisk);
    if (sourceIsDir) {
      sourceParent.nlink--;
      targetParent.nlink++;
    }
    this.touch(sourceParent, t);
    this.touch(targetParent, t);
    inode.ctimeNs = t;
    if (this.observer !== void 0) this.emit({ kind: "rename", from: fromPath, to: this.entryPath(to) });
  }
  /** Whether directory position `dir` is `ancestor` or lies inside it. */
  isWithin(dir, ancestor) {
    let current = dir;
    for (; ; ) {
      if (sameNode(current, ancestor) || current === ancestor) return true;
      const parent = this.tree.parentOf(current);
      if (parent === current) return false;
      current = parent;
    }
  }
  link(existingPath, newPath) {
    const from = this.lookup(existingPath, false, false, "link", existingPath, newPath);
    const source = from.node;
    if (source === void 0) throw uvError("ENOENT", "link", existingPath, newPath);
    const to = this.lookupToCreate(newPath, "link", existingPath, newPath);
    if (to.node !== void 0) throw uvError("EEXIST", "link", existingPath, newPath);
    if (to.trailingSlash) throw uvError("ENOENT", "link", existingPath, newPath);
    if (!this.mayHardlink(source)) throw uvError("EPERM", "link", existingPath, newPath);
    if (!this.mayChangeEntries(to.dir)) throw uvError("EACCES", "link", existingPath, newPath);
    if (isDirectory(source)) throw uvError("EPERM", "link", existingPath, newPath);
    const t = this.now();
    const inode = this.upper(source);
    const parent = this.upper(to.dir);
    this.tree.setEntry(parent, to.name, inode, false);
    inode.nlink++;
    inode.ctimeNs = t;
    this.touch(parent, t);
    if (this.observer !== void 0) {
      this.emit({ kind: "link", existingPath: this.entryPath(from), newPath: this.entryPath(to) });
    }
  }
  /**
   * fs.protected_hardlinks = 1 (the default of every current distribution): someone who does not own a file may
   * link it only if it is a regular file they can read and write, without set-user-ID or set-group-ID-executable.
   */
  mayHardlink(node) {
    const o = this.owned(node);
    if (this.identity.uid === 0 || this.identity.uid === o.uid) return true;
    if ((o.mode & S_IFMT2) !== S_IFREG) return false;
    if ((o.mode & S_ISUID) !== 0 || (o.mode & (S_ISGID | 8)) === (S_ISGID | 8)) return false;
    return mayAccess(this.identity, o, R_OK | W_OK);
  }
  symlink(target, path13) {
    const found = this.lookupToCreate(path13, "symlink", target, path13);
    if (found.node !== void 0) throw uvError("EEXIST", "symlink", target, path13);
    if (found.trailingSlash) throw uvError("ENOENT", "symlink", target, path13);
    if (!this.mayChangeEntries(found.dir)) throw uvError("EACCES", "symlink", target, path13);
    if (target.length === 0) throw uvError("ENOENT", "symlink", target, path13);
    const t = this.now();
    const parent = this.upper(found.dir);
    const inode = this.newInode(parent, S_IFLNK | 511, t);
    inode.target = target;
    this.tree.setEntry(parent, found.name, inode, false);
    this.touch(parent, t);
    if (this.observer !== void 0) this.emit({ kind: "symlink", path: this.entryPath(found), target });
  }
  readlink(path13) {
    const node = this.existing(path13, false, "readlink");
    if (!isSymlink(node)) throw uvError("EINVAL", "readlink", path13);
    if (node instanceof Inode) return node.target;
    try {
      return this.tree.lower.readlink(node.path);
    } catch (error) {
      throw this.diskError(error, "readlink", path13);
    }
  }
  realpath(path13) {
    const fast = this.statUntouched(path13, true);
    if (fast) {
      const absolute = path13.charCodeAt(0) === 47 ? path13 : joinPath(this.cwd(), path13);
      return absolute.includes("//") ? absolute.replace(/\/{2,}/g, "/") : absolute;
    }
    const found = this.lookup(path13, true, true, "realpath");
    if (found.node === void 0) throw uvError("ENOENT", "realpath", path13);
    return this.entryPath(found);
  }
  // ---- State ---------------------------------------------------------------------------------------------------
  changeSet() {
    return computeChangeSet(this.tree, this.contents);
  }
  inspectInode(ino) {
    const inode = this.byIno.get(ino);
    if (inode === void 0) return void 0;
    const stat2 = inode.stat();
    if (inode.isFile) return { stat: stat2, content: this.contents.readAll(inode) };
    if (inode.isSymlink) return { stat: stat2, target: inode.target };
    return { stat: stat2 };
  }
  inspectInodeFrom(ino, start) {
    const inode = this.byIno.get(ino);
    if (inode === void 0) return void 0;
    if (!inode.isFile) return this.inspectInode(ino);
    const stat2 = inode.stat();
    if (start <= 0) return { stat: stat2, content: this.contents.readAll(inode) };
    if (start >= inode.size) return { stat: stat2, content: Buffer.alloc(0) };
    const tail = Buffer.allocUnsafe(inode.size - start);
    const n = this.contents.read(inode, tail, 0, tail.length, start);
    return { stat: stat2, content: n === tail.length ? tail : tail.subarray(0, n) };
  }
  inspectInodeView(ino, start) {
    const inode = this.byIno.get(ino);
    if (inode === void 0 || !inode.isFile) return this.inspectInodeFrom(ino, start);
    const view = this.contents.view(inode, start);
    return view === void 0 ? this.inspectInodeFrom(ino, start) : { stat: inode.stat(), content: view };
  }
  bytesUsed() {
    return this.contents.used;
  }
  reportUnsavedWrites() {
    for (const d of this.fds.values()) {
      if (!d.dirty || d.inode === null) continue;
      d.dirty = false;
      this.emitContent(d.inode);
    }
  }
};
function libuvAtLeast(major, minor) {
  const [a = 0, b = 0] = (process.versions.uv ?? "0.0").split(".").map(Number);
  return a > major || a === major && b >= minor;
}
function lastComponent(path13) {
  let end = path13.length;
  while (end > 1 && path13.charCodeAt(end - 1) === 47) end--;
  return path13.slice(path13.lastIndexOf("/", end - 1) + 1, end);
}
function parentPathOf(path13) {
  let end = path13.length;
  while (end > 1 && path13.charCodeAt(end - 1) === 47) end--;
  const slash = path13.lastIndexOf("/", end - 1);
  if (slash < 0) return ".";
  if (slash === 0) return "/";
  return path13.slice(0, slash);
}

// src/node/path-router.ts
var import_node_path = __toESM(require("node:path"), 1);
var globChars = /[*?[\]{}()!]/;
function underPrefix(absPath, prefix) {
  return absPath === prefix || absPath.startsWith(prefix) && (prefix.endsWith("/") || absPath.charCodeAt(prefix.length) === 47);
}
function createPathRouter(o, compileGlobs) {
  const roots = o.roots.map((r) => import_node_path.default.resolve(r));
  const prefixes = [];
  const globs = [];
  for (const entry of o.passThrough) {
    if (globChars.test(entry)) globs.push(entry);
    else prefixes.push(import_node_path.default.resolve(entry));
  }
  let compiled;
  const matchGlob = (absPath) => {
    if (globs.length === 0) return false;
    compiled ??= compileGlobs(globs.flatMap((g) => [g, `${g.replace(/\/+$/, "")}/**`]));
    return compiled(absPath);
  };
  const passedThrough = (absPath) => {
    for (const prefix of prefixes) if (underPrefix(absPath, prefix)) return true;
    return matchGlob(absPath);
  };
  const recent = /* @__PURE__ */ new Map();
  const decide = (absPath) => {
    let inRoot = false;
    for (const root of roots) {
      if (underPrefix(absPath, root)) {
        inRoot = true;
        break;
      }
    }
    return inRoot && !passedThrough(absPath);
  };
  return {
    owns(absPath) {
      let answer = recent.get(absPath);
      if (answer === void 0) {
        answer = decide(absPath);
        if (recent.size >= 4096) recent.clear();
        recent.set(absPath, answer);
      }
      return answer;
    }
  };
}

// src/node/install.ts
var import_node_fs12 = __toESM(require("node:fs"), 1);
var import_node_path9 = __toESM(require("node:path"), 1);
var import_node_module2 = require("node:module");

// src/node/context.ts
var import_node_path2 = __toESM(require("node:path"), 1);
var import_node_url = require("node:url");
var FIRST_FAKE_FD = 1073741824;
var MAX_FD = 2147483647;
var context = {
  engine: void 0,
  router: { owns: () => false },
  originals: {}
};
function ownsPath(value) {
  let abs;
  if (typeof value === "string") {
    abs = value.charCodeAt(0) === 47 && !value.includes("/.") && !value.includes("//") ? value : import_node_path2.default.resolve(value);
  } else if (value instanceof Uint8Array) {
    abs = import_node_path2.default.resolve(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("utf8"));
  } else if (value !== null && typeof value === "object" && value.protocol === "file:" && typeof value.href === "string") {
    try {
      abs = (0, import_node_url.fileURLToPath)(value);
    } catch {
      return false;
    }
  } else return false;
  return context.router.owns(abs);
}
function ownsFd(fd) {
  return typeof fd === "number" && fd >= FIRST_FAKE_FD && fd <= MAX_FD && Number.isInteger(fd);
}

// src/node/stack.ts
var keptAsIs = /* @__PURE__ */ new WeakSet();
function isSystemCallError(value) {
  if (!(value instanceof Error)) return false;
  const err = value;
  return typeof err.errno === "number" && typeof err.syscall === "string" && !String(err.code).startsWith("ERR_");
}
function withFrames(err, fn) {
  if (!(err instanceof Error)) return err;
  const e = err;
  const code = e.code;
  if (typeof code === "string" && code.startsWith("ERR_")) {
    const hadOwnName = Object.prototype.hasOwnProperty.call(e, "name");
    const name = e.name;
    const shown = name.includes(`[${code}]`) ? name : `${name} [${code}]`;
    Object.defineProperty(e, "name", { value: shown, configurable: true, writable: true, enumerable: false });
    Error.captureStackTrace(e, fn);
    void e.stack;
    if (hadOwnName) Object.defineProperty(e, "name", { value: name, configurable: true, writable: true, enumerable: false });
    else delete e.name;
  } else {
    Error.captureStackTrace(e, fn);
  }
  return err;
}
function frameless(err) {
  if (err instanceof Error && isSystemCallError(err)) err.stack = `Error: ${err.message}`;
  return err;
}
function forSync(err, fn) {
  if (err instanceof Error && keptAsIs.has(err)) return err;
  return withFrames(err, fn);
}
function withoutFrames(err) {
  if (err instanceof Error) keptAsIs.add(err);
  return err;
}
function forCallback(err) {
  return frameless(err);
}
function framelessForPromise(err) {
  if (err instanceof Error) {
    frameless(err);
    keptAsIs.add(err);
  }
  return err;
}
function forPromise(err, fn) {
  if (err instanceof Error && keptAsIs.has(err)) return err;
  return withFrames(err, fn);
}

// src/node/faces.ts
function syncFace(name, original, owns, impl) {
  const face = {
    [name]: function(first, second) {
      if (!owns(first, second)) return Reflect.apply(original, this, arguments);
      try {
        return Reflect.apply(impl, void 0, arguments);
      } catch (err) {
        throw forSync(err, face);
      }
    }
  }[name];
  return face;
}
function callbackFace(name, original, owns, prepare) {
  const face = {
    [name]: function(first, second) {
      if (!owns(first, second)) return Reflect.apply(original, this, arguments);
      let job;
      try {
        job = prepare(Array.prototype.slice.call(arguments));
      } catch (err) {
        throw forSync(err, face);
      }
      deliver(job);
    }
  }[name];
  return face;
}
function deliver(job) {
  const callback = job.callback;
  let results;
  try {
    results = job.run();
  } catch (err) {
    const error = forCallback(err);
    setImmediate(() => callback(error));
    return;
  }
  if (results instanceof Promise) {
    results.then(
      (values2) => callback(null, ...values2),
      (err) => callback(forCallback(err))
    );
    return;
  }
  const values = results;
  setImmediate(() => callback(null, ...values));
}
function promiseFace(name, original, owns, impl) {
  const face = {
    [name]: async function(...args) {
      if (!owns(args[0], args[1])) return Reflect.apply(original, this, args);
      try {
        return await impl(...args);
      } catch (err) {
        if (!isSystemCallError(err)) throw forPromise(err, face);
        await void 0;
        throw forPromise(err, face);
      }
    }
  }[name];
  return face;
}

// src/node/ops/stat.ts
var import_node_fs5 = require("node:fs");
var import_node_path3 = __toESM(require("node:path"), 1);

// src/node/args.ts
var import_node_buffer = require("node:buffer");
var import_node_url2 = require("node:url");
var import_node_fs4 = require("node:fs");

// src/node/node-errors.ts
var import_node_util2 = require("node:util");
var kTypes = ["string", "function", "number", "object", "Function", "Object", "boolean", "bigint", "symbol"];
var classRegExp = /^([A-Z][a-z0-9]*)+$/;
var nodeMajor = Number(process.versions.node.split(".")[0]);
function nodeError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  const name = err.name;
  Object.defineProperty(err, "stack", {
    value: `${name} [${code}]: ${message}`,
    writable: true,
    configurable: true,
    enumerable: false
  });
  Object.defineProperty(err, "toString", {
    value() {
      return `${name} [${code}]: ${message}`;
    },
    writable: true,
    configurable: true,
    enumerable: false
  });
  return err;
}
function formatList(array, type = "and") {
  switch (array.length) {
    case 0:
      return "";
    case 1:
      return `${array[0]}`;
    case 2:
      return `${array[0]} ${type} ${array[1]}`;
    case 3:
      return `${array[0]}, ${array[1]}, ${type} ${array[2]}`;
    default:
      return `${array.slice(0, -1).join(", ")}, ${type} ${array[array.length - 1]}`;
  }
}
function determineSpecificType(value) {
  if (value === null) return "null";
  if (value === void 0) return "undefined";
  switch (typeof value) {
    case "bigint":
      return `type bigint (${value}n)`;
    case "number":
      if (value === 0) return 1 / value === -Infinity ? "type number (-0)" : "type number (0)";
      if (value !== value) return "type number (NaN)";
      if (value === Infinity) return "type number (Infinity)";
      if (value === -Infinity) return "type number (-Infinity)";
      return `type number (${value})`;
    case "boolean":
      return value ? "type boolean (true)" : "type boolean (false)";
    case "symbol":
      return `type symbol (${String(value)})`;
    case "function":
      return `function ${value.name}`;
    case "object": {
      const ctor = value.constructor;
      if (nodeMajor >= 26) {
        const name = ctor?.name;
        if (typeof name === "string" && name !== "") return `an instance of ${name}`;
      } else if (ctor && "name" in ctor) {
        return `an instance of ${ctor.name}`;
      }
      return `${(0, import_node_util2.inspect)(value, { depth: -1 })}`;
    }
    case "string": {
      let s2 = value;
      if (s2.length > 28) s2 = `${s2.slice(0, 25)}...`;
      if (!s2.includes("'")) return `type string ('${s2}')`;
      return `type string (${JSON.stringify(s2)})`;
    }
    default: {
      let s2 = (0, import_node_util2.inspect)(value, { colors: false });
      if (s2.length > 28) s2 = `${s2.slice(0, 25)}...`;
      return `type ${typeof value} (${s2})`;
    }
  }
}
function invalidArgType(name, expected, actual) {
  const list = Array.isArray(expected) ? expected : [expected];
  let msg = "The ";
  if (name.endsWith(" argument")) msg += `${name} `;
  else msg += `"${name}" ${name.includes(".") ? "property" : "argument"} `;
  msg += "must be ";
  const types = [];
  const instances = [];
  const other = [];
  for (const value of list) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf("object");
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push("Object");
    }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? "one of type" : "of type"} ${formatList(types, "or")}`;
    if (instances.length > 0 || other.length > 0) msg += " or ";
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances, "or")}`;
    if (other.length > 0) msg += " or ";
  }
  if (other.length > 0) {
    if (other.length > 1) msg += `one of ${formatList(other, "or")}`;
    else {
      if (other[0].toLowerCase() !== other[0]) msg += "an ";
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return nodeError(TypeError, "ERR_INVALID_ARG_TYPE", msg);
}
function invalidArgValue(name, value, reason = "is invalid", Base = TypeError) {
  let inspected = (0, import_node_util2.inspect)(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes(".") ? "property" : "argument";
  return nodeError(Base, "ERR_INVALID_ARG_VALUE", `The ${type} '${name}' ${reason}. Received ${inspected}`);
}
function addNumericalSeparator(val) {
  let res = "";
  let i = val.length;
  const start = val[0] === "-" ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}
function outOfRange(str, range, input) {
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) received = addNumericalSeparator(String(input));
  else if (typeof input === "bigint") {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += "n";
  } else received = (0, import_node_util2.inspect)(input);
  return nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "${str}" is out of range. It must be ${range}. Received ${received}`);
}
function incompatibleOptionPair(a, b) {
  return nodeError(TypeError, "ERR_INCOMPATIBLE_OPTION_PAIR", `Option "${a}" cannot be used in combination with option "${b}"`);
}
function abortError(cause) {
  const err = new Error("The operation was aborted", { cause });
  err.code = "ABORT_ERR";
  err.name = "AbortError";
  return err;
}
var SystemError = class extends Error {
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")](_depth, options) {
    return (0, import_node_util2.inspect)(this, { ...options, getters: true, customInspect: false });
  }
};
function systemError(key, prefix, context2) {
  let message = `${prefix}: ${context2.syscall} returned ${context2.code} (${context2.message})`;
  if (context2.path !== void 0) message += ` ${context2.path}`;
  if (context2.dest !== void 0) message += ` => ${context2.dest}`;
  const err = new SystemError();
  err.code = key;
  Object.defineProperties(err, {
    name: { value: "SystemError", enumerable: false, writable: true, configurable: true },
    message: { value: message, enumerable: false, writable: true, configurable: true },
    info: { value: context2, enumerable: true, configurable: true, writable: false },
    errno: {
      get: () => context2.errno,
      set: (v) => {
        context2.errno = v;
      },
      enumerable: true,
      configurable: true
    },
    syscall: {
      get: () => context2.syscall,
      set: (v) => {
        context2.syscall = v;
      },
      enumerable: true,
      configurable: true
    },
    toString: {
      value() {
        return `SystemError [${key}]: ${message}`;
      },
      enumerable: false,
      writable: true,
      configurable: true
    }
  });
  if (context2.path !== void 0) {
    Object.defineProperty(err, "path", {
      get: () => context2.path != null ? context2.path.toString() : context2.path,
      set: (v) => {
        context2.path = v ? String(v) : void 0;
      },
      enumerable: true,
      configurable: true
    });
  }
  if (context2.dest !== void 0) {
    Object.defineProperty(err, "dest", {
      get: () => context2.dest != null ? context2.dest.toString() : context2.dest,
      set: (v) => {
        context2.dest = v ? String(v) : void 0;
      },
      enumerable: true,
      configurable: true
    });
  }
  err.stack = `SystemError [${key}]: ${message}`;
  return err;
}
var EISDIR = 21;
function fsEisdir(path13, syscall = "rm") {
  return systemError("ERR_FS_EISDIR", "Path is a directory", {
    code: "EISDIR",
    message: "is a directory",
    path: path13,
    syscall,
    errno: EISDIR
  });
}

// src/node/validators.ts
function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== "number") throw invalidArgType(name, "number", value);
  if (!Number.isInteger(value)) throw outOfRange(name, "an integer", value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}
function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  validateInteger(value, name, min, max);
}
function validateUint32(value, name, positive = false) {
  if (typeof value !== "number") throw invalidArgType(name, "number", value);
  if (!Number.isInteger(value)) throw outOfRange(name, "an integer", value);
  const min = positive ? 1 : 0;
  if (value < min || value > 4294967295) throw outOfRange(name, `>= ${min} && <= 4294967295`, value);
}
function validateString(value, name) {
  if (typeof value !== "string") throw invalidArgType(name, "string", value);
}
function validateBoolean(value, name) {
  if (typeof value !== "boolean") throw invalidArgType(name, "boolean", value);
}
function validateFunction(value, name) {
  if (typeof value !== "function") throw invalidArgType(name, "Function", value);
}
function validateObject(value, name, allowNullable = false) {
  if (value === null) {
    if (!allowNullable) throw invalidArgType(name, "Object", value);
    return;
  }
  if (Array.isArray(value) || typeof value !== "object") throw invalidArgType(name, "Object", value);
}
function validateAbortSignal(signal, name) {
  if (signal !== void 0 && (signal === null || typeof signal !== "object" || !("aborted" in signal))) {
    throw invalidArgType(name, "AbortSignal", signal);
  }
}
function validateBuffer(buffer, name = "buffer") {
  if (!ArrayBuffer.isView(buffer)) throw invalidArgType(name, ["Buffer", "TypedArray", "DataView"], buffer);
}
function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => typeof v === "string" ? `'${v}'` : String(v)).join(", ");
    throw invalidArgValue(name, value, `must be one of: ${allowed}`);
  }
}
var octalReg = /^[0-7]+$/;
var modeDesc = "must be a 32-bit unsigned integer or an octal string";
function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === "string") {
    if (!octalReg.test(value)) throw withoutFrames(invalidArgValue(name, value, modeDesc));
    value = Number.parseInt(value, 8);
  }
  validateUint32(value, name);
  return value + 0;
}
function validateModeInCpp(mode, def) {
  if (mode == null) return def;
  if (typeof mode !== "number") {
    const err = new TypeError("mode must be int32 or null/undefined");
    err.code = "ERR_INVALID_ARG_TYPE";
    throw err;
  }
  const value = mode | 0;
  if (value < 0 || value > 7) {
    const err = new RangeError("mode is out of range: >= 0 && <= 7");
    err.code = "ERR_OUT_OF_RANGE";
    throw err;
  }
  return value;
}
function makeCallback(cb) {
  validateFunction(cb, "cb");
  return cb;
}

// src/node/args.ts
var {
  O_RDONLY,
  O_WRONLY: O_WRONLY2,
  O_RDWR: O_RDWR2,
  O_CREAT: O_CREAT2,
  O_TRUNC: O_TRUNC2,
  O_APPEND: O_APPEND2,
  O_EXCL: O_EXCL2,
  O_SYNC
} = import_node_fs4.constants;
function isURL(value) {
  const v = value;
  return Boolean(v?.href && v.protocol && v.auth === void 0 && v.path === void 0);
}
function toPathIfFileURL(value) {
  if (!isURL(value)) return value;
  return (0, import_node_url2.fileURLToPath)(value);
}
function getValidatedPath(fileURLOrPath, propName = "path") {
  const path13 = toPathIfFileURL(fileURLOrPath);
  if (typeof path13 !== "string" && !(path13 instanceof Uint8Array)) {
    throw invalidArgType(propName, ["string", "Buffer", "URL"], path13);
  }
  if (typeof path13 === "string" ? path13.includes("\0") : path13.includes(0)) {
    throw invalidArgValue(propName, path13, "must be a string, Uint8Array, or URL without null bytes");
  }
  return path13;
}
function pathString(path13) {
  return typeof path13 === "string" ? path13 : import_node_buffer.Buffer.from(path13.buffer, path13.byteOffset, path13.byteLength).toString("utf8");
}
function validatedPathString(value, propName = "path") {
  return pathString(getValidatedPath(value, propName));
}
function getValidatedFd(fd, propName = "fd") {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
}
function stringToFlags(flags, name = "flags") {
  if (typeof flags === "number") {
    validateInt32(flags, name);
    return flags + 0;
  }
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case "r":
      return O_RDONLY;
    case "rs":
    case "sr":
      return O_RDONLY | O_SYNC;
    case "r+":
      return O_RDWR2;
    case "rs+":
    case "sr+":
      return O_RDWR2 | O_SYNC;
    case "w":
      return O_TRUNC2 | O_CREAT2 | O_WRONLY2;
    case "wx":
    case "xw":
      return O_TRUNC2 | O_CREAT2 | O_WRONLY2 | O_EXCL2;
    case "w+":
      return O_TRUNC2 | O_CREAT2 | O_RDWR2;
    case "wx+":
    case "xw+":
      return O_TRUNC2 | O_CREAT2 | O_RDWR2 | O_EXCL2;
    case "a":
      return O_APPEND2 | O_CREAT2 | O_WRONLY2;
    case "ax":
    case "xa":
      return O_APPEND2 | O_CREAT2 | O_WRONLY2 | O_EXCL2;
    case "as":
    case "sa":
      return O_APPEND2 | O_CREAT2 | O_WRONLY2 | O_SYNC;
    case "a+":
      return O_APPEND2 | O_CREAT2 | O_RDWR2;
    case "ax+":
    case "xa+":
      return O_APPEND2 | O_CREAT2 | O_RDWR2 | O_EXCL2;
    case "as+":
    case "sa+":
      return O_APPEND2 | O_CREAT2 | O_RDWR2 | O_SYNC;
  }
  throw invalidArgValue("flags", flags);
}
function assertEncoding(encoding) {
  if (encoding && !import_node_buffer.Buffer.isEncoding(encoding)) {
    throw invalidArgValue("encoding", encoding, "is invalid encoding");
  }
}
function getOptions(options, defaultOptions = {}) {
  if (options == null || typeof options === "function") return defaultOptions;
  let result;
  if (typeof options === "string") {
    result = { ...defaultOptions, encoding: options };
  } else if (typeof options !== "object") {
    throw invalidArgType("options", ["string", "Object"], options);
  } else result = options;
  if (result.encoding !== "buffer") assertEncoding(result.encoding);
  if (result.signal !== void 0) validateAbortSignal(result.signal, "options.signal");
  return result;
}
function toUnixTimestamp(time, name = "time") {
  if (typeof time === "string" && +time == time) return +time;
  if (typeof time === "number" && Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1e3;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1e3;
  throw invalidArgType(name, ["Date", "Time in seconds"], time);
}
function secondsToNs(seconds) {
  const whole = Math.floor(seconds);
  const ns = Math.round((seconds - whole) * 1e9);
  return BigInt(whole) * 1000000000n + BigInt(ns);
}
function encodeName(name, encoding) {
  if (encoding === "buffer") return import_node_buffer.Buffer.from(name, "utf8");
  if (encoding == null || encoding === "utf8" || encoding === "utf-8") return name;
  return import_node_buffer.Buffer.from(name, "utf8").toString(encoding);
}

// src/node/ops/stat.ts
function statPath(path13, follow, bigint) {
  const record = follow ? context.engine.stat(path13) : context.engine.lstat(path13);
  return toStats(record, bigint);
}
function statRecordOrUndefined(path13, follow) {
  const record = context.engine.tryStat(path13, follow);
  if (record !== void 0) return record;
  try {
    return follow ? context.engine.stat(path13) : context.engine.lstat(path13);
  } catch (err) {
    if (err.code === "ENOENT") return void 0;
    throw err;
  }
}
function statPathOrUndefined(path13, follow, options) {
  if (options.throwIfNoEntry === false) {
    const record = statRecordOrUndefined(path13, follow);
    return record === void 0 ? void 0 : toStats(record, Boolean(options.bigint));
  }
  return statPath(path13, follow, Boolean(options.bigint));
}
function statSync2(path13, options = { bigint: false, throwIfNoEntry: true }) {
  return statPathOrUndefined(validatedPathString(path13), true, options);
}
function lstatSync2(path13, options = { bigint: false, throwIfNoEntry: true }) {
  return statPathOrUndefined(validatedPathString(path13), false, options);
}
function fstatSync2(fd, options = { bigint: false }) {
  return toStats(context.engine.fstat(getValidatedFd(fd)), Boolean(options.bigint));
}
function statCallback(follow) {
  return (args) => {
    let [path13, options = { bigint: false }, callback] = args;
    if (typeof options === "function") {
      callback = options;
      options = {};
    }
    callback = makeCallback(callback);
    const p2 = validatedPathString(path13);
    return { callback, run: () => [statPath(p2, follow, Boolean(options.bigint))] };
  };
}
var stat = statCallback(true);
var lstat = statCallback(false);
function fstat(args) {
  let [fd, options = { bigint: false }, callback] = args;
  if (typeof options === "function") {
    callback = options;
    options = {};
  }
  const validFd = getValidatedFd(fd);
  callback = makeCallback(callback);
  return { callback, run: () => [toStats(context.engine.fstat(validFd), Boolean(options.bigint))] };
}
function statPromise(path13, options = { bigint: false }) {
  return statPath(validatedPathString(path13), true, Boolean(options.bigint));
}
function lstatPromise(path13, options = { bigint: false }) {
  return statPath(validatedPathString(path13), false, Boolean(options.bigint));
}
function accessMode(mode) {
  return validateModeInCpp(mode, import_node_fs5.constants.F_OK);
}
function accessSync(path13, mode) {
  const p2 = validatedPathString(path13);
  context.engine.access(p2, accessMode(mode));
}
function access(args) {
  let [path13, mode, callback] = args;
  if (typeof mode === "function") {
    callback = mode;
    mode = import_node_fs5.constants.F_OK;
  }
  const p2 = validatedPathString(path13);
  callback = makeCallback(callback);
  const m = accessMode(mode);
  return { callback, run: () => (context.engine.access(p2, m), []) };
}
function accessPromise(path13, mode = import_node_fs5.constants.F_OK) {
  const p2 = validatedPathString(path13);
  context.engine.access(p2, accessMode(mode));
}
function existsSync(path13) {
  let p2;
  try {
    p2 = getValidatedPath(path13);
  } catch {
    return false;
  }
  return context.engine.exists(pathString(p2));
}
function diskAncestor(p2) {
  const exists = context.originals.existsSync;
  let current = import_node_path3.default.resolve(p2);
  while (current !== "/" && !exists(current)) current = import_node_path3.default.dirname(current);
  return current;
}
function statfsCore(p2, syscallPath, options) {
  try {
    context.engine.stat(p2);
  } catch (err) {
    const code = err.code;
    if (typeof code === "string" && !code.startsWith("ERR_")) throw uvError(code, "statfs", syscallPath);
    throw err;
  }
  const original = context.originals.statfsSync;
  return original(diskAncestor(p2), options);
}
function statfsSync(p2, options = { bigint: false }) {
  const where = validatedPathString(p2);
  return statfsCore(where, where, options);
}
function statfs(args) {
  let [p2, options = { bigint: false }, callback] = args;
  if (typeof options === "function") {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  const where = validatedPathString(p2);
  return { callback, run: () => [statfsCore(where, where, options)] };
}
function statfsPromise(p2, options = { bigint: false }) {
  const where = validatedPathString(p2);
  return statfsCore(where, where, options);
}

// src/node/ops/fd.ts
var import_node_buffer2 = require("node:buffer");

// src/node/watch.ts
var import_node_events = require("node:events");
var import_node_fs6 = require("node:fs");
var import_node_path4 = __toESM(require("node:path"), 1);
var nodeMajor2 = Number(process.versions.node.split(".")[0]);
function checkWatchable(target, given) {
  try {
    context.engine.stat(target);
  } catch (err) {
    const code = err.code;
    if (typeof code === "string" && !code.startsWith("ERR_")) {
      const error = uvError(code, "watch", given);
      error.filename = given;
      throw error;
    }
    throw err;
  }
}
function encodeFilename(name, encoding) {
  if (encoding === "buffer") return Buffer.from(name);
  if (encoding && encoding !== "utf8" && encoding !== "utf-8") return Buffer.from(name).toString(encoding);
  return name;
}
function validateWatchOptions(o) {
  if (o.persistent !== void 0) validateBoolean(o.persistent, "options.persistent");
  if (o.recursive !== void 0) validateBoolean(o.recursive, "options.recursive");
}
var watchers = /* @__PURE__ */ new Set();
function isWatched() {
  return watchers.size > 0;
}
function notifyChange(event, absPath, cause = event) {
  if (watchers.size === 0) return;
  for (const w of watchers) {
    let filename;
    if (absPath === w.target) filename = import_node_path4.default.basename(absPath);
    else if (import_node_path4.default.dirname(absPath) === w.target) filename = import_node_path4.default.basename(absPath);
    else if (w.recursive && absPath.startsWith(`${w.target}/`)) filename = import_node_path4.default.relative(w.target, absPath);
    if (filename === void 0) continue;
    queueEvent(w, event, filename, cause);
  }
}
function queueEvent(w, event, filename, cause) {
  if (w.pending) {
    const last = w.pending[w.pending.length - 1];
    if (last && last[2] === cause && last[1] === filename) return;
    w.pending.push([event, filename, cause]);
    return;
  }
  w.pending = [[event, filename, cause]];
  setImmediate(() => {
    const events = w.pending ?? [];
    w.pending = void 0;
    for (const [e, name] of events) if (watchers.has(w)) w.emit(e, name);
  });
}
var OverlayFSWatcher = class extends import_node_events.EventEmitter {
  #watcher;
  constructor(watcher) {
    super();
    this.#watcher = watcher;
  }
  close() {
    if (!this.#watcher) return;
    watchers.delete(this.#watcher);
    this.#watcher = void 0;
    process.nextTick(() => this.emit("close"));
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
};
function watch(filename, options, listener) {
  if (typeof options === "function") {
    listener = options;
    options = void 0;
  }
  const o = getOptions(options);
  const given = validatedPathString(filename, "filename");
  validateWatchOptions(o);
  const target = import_node_path4.default.resolve(given);
  checkWatchable(target, given);
  let emitter;
  const watcher = {
    target,
    recursive: Boolean(o.recursive),
    encoding: o.encoding,
    emit: (event, name) => {
      emitter.emit("change", event, encodeFilename(name, o.encoding));
    }
  };
  emitter = new OverlayFSWatcher(watcher);
  watchers.add(watcher);
  if (typeof listener === "function") emitter.on("change", listener);
  if (o.signal) {
    if (o.signal.aborted) process.nextTick(() => emitter.close());
    else o.signal.addEventListener("abort", () => emitter.close(), { once: true });
  }
  return emitter;
}
function watchPromise(filename, options) {
  const o = getOptions(options);
  const given = validatedPathString(filename, "filename");
  validateWatchOptions(o);
  if (nodeMajor2 >= 22) {
    validateInteger(o.maxQueue ?? 2048, "options.maxQueue");
    validateOneOf(o.overflow ?? "ignore", "options.overflow", ["ignore", "error"]);
  }
  const target = import_node_path4.default.resolve(given);
  const pending = [];
  let wake;
  let closed = false;
  const watcher = {
    target,
    recursive: Boolean(o.recursive),
    encoding: void 0,
    emit: (eventType, name) => {
      pending.push({ eventType, filename: encodeFilename(name, o.encoding) });
      wake?.();
    }
  };
  watchers.add(watcher);
  const finish = () => {
    closed = true;
    watchers.delete(watcher);
    wake?.();
  };
  if (o.signal?.aborted) finish();
  else o.signal?.addEventListener("abort", finish, { once: true });
  const iterator = {
    async next() {
      checkWatchable(target, given);
      while (pending.length === 0 && !closed) await new Promise((resolve4) => wake = resolve4);
      if (pending.length > 0) return { value: pending.shift(), done: false };
      if (o.signal?.aborted) throw abortError(o.signal.reason);
      return { value: void 0, done: true };
    },
    async return() {
      finish();
      return { value: void 0, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    }
  };
  return iterator;
}
var OverlayStatWatcher = class extends import_node_events.EventEmitter {
  constructor(target, bigint, interval, persistent) {
    super();
    this.target = target;
    let previous = statOrZero(target, bigint);
    let reportedMissing = false;
    this.timer = setInterval(() => {
      const current = statOrZero(target, bigint);
      const missing = Number(current.ino) === 0 && Number(previous.ino) === 0;
      if (missing) {
        if (!reportedMissing) this.emit("change", current, previous);
        reportedMissing = true;
      } else if (current.mtimeMs !== previous.mtimeMs || current.ctimeMs !== previous.ctimeMs || current.ino !== previous.ino || current.size !== previous.size) {
        this.emit("change", current, previous);
      }
      previous = current;
    }, Math.max(1, interval));
    if (!persistent) this.timer.unref();
  }
  target;
  timer;
  stop() {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = void 0;
    pollers.delete(this.target);
    process.nextTick(() => this.emit("stop"));
  }
  ref() {
    this.timer?.ref();
    return this;
  }
  unref() {
    this.timer?.unref();
    return this;
  }
};
var pollers = /* @__PURE__ */ new Map();
function statOrZero(target, bigint) {
  const record = context.engine.tryStat(target, true);
  if (record) return toStats(record, bigint);
  return toStats({ dev: 0, ino: 0, mode: 0, nlink: 0, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 0, blocks: 0, atimeNs: 0n, mtimeNs: 0n, ctimeNs: 0n, birthtimeNs: 0n }, bigint);
}
function watchFile(filename, options, listener) {
  const target = import_node_path4.default.resolve(validatedPathString(filename, "filename"));
  let o = { interval: 5007, persistent: true };
  if (options !== null && typeof options === "object") o = { ...o, ...options };
  else listener = options;
  validateFunction(listener, "listener");
  let watcher = pollers.get(target);
  if (!watcher) {
    watcher = new OverlayStatWatcher(target, Boolean(o.bigint), o.interval ?? 5007, o.persistent !== false);
    pollers.set(target, watcher);
  }
  watcher.on("change", listener);
  return watcher;
}
function unwatchFile(filename, listener) {
  const target = import_node_path4.default.resolve(validatedPathString(filename, "filename"));
  const watcher = pollers.get(target);
  if (!watcher) return;
  if (typeof listener === "function") watcher.removeListener("change", listener);
  else watcher.removeAllListeners("change");
  if (watcher.listenerCount("change") === 0) watcher.stop();
}
var writablePaths = /* @__PURE__ */ new Map();
var { O_WRONLY: O_WRONLY3, O_RDWR: O_RDWR3, O_CREAT: O_CREAT3, O_TRUNC: O_TRUNC3 } = import_node_fs6.constants;
function existedBeforeOpen(p2, flags) {
  if (watchers.size === 0 || (flags & O_CREAT3) === 0) return true;
  return context.engine.exists(p2);
}
function noteOpen(fd, p2, flags, existedBefore) {
  if (watchers.size === 0 || (flags & (O_WRONLY3 | O_RDWR3)) === 0) return;
  const abs = import_node_path4.default.resolve(p2);
  writablePaths.set(fd, abs);
  if (!existedBefore) notifyChange("rename", abs, "create");
  if (existedBefore && (flags & O_TRUNC3) !== 0) notifyChange("change", abs, "modify");
}
function noteWrite(fd, bytes) {
  if (bytes === 0) return;
  const abs = writablePaths.get(fd);
  if (abs !== void 0) notifyChange("change", abs, "modify");
}
function noteClose(fd) {
  writablePaths.delete(fd);
}

// src/node/ops/fd.ts
function bytesOf(view) {
  return view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
function enginePosition(position) {
  if (typeof position === "bigint") return position < 0n ? null : Number(position > 2n ** 53n - 1n ? 2n ** 53n - 1n : position);
  if (typeof position !== "number" || position < 0) return null;
  return position;
}
function openTracked(p2, flags, mode) {
  const existed = existedBeforeOpen(p2, flags);
  const fd = context.engine.open(p2, flags, mode);
  noteOpen(fd, p2, flags, existed);
  return fd;
}
function openSync2(path13, flags, mode) {
  const p2 = validatedPathString(path13);
  const f = stringToFlags(flags);
  const m = parseFileMode(mode, "mode", 438);
  return openTracked(p2, f, m);
}
function open(args) {
  let [path13, flags, mode, callback] = args;
  const p2 = validatedPathString(path13);
  if (args.length < 3) {
    callback = flags;
    flags = "r";
    mode = 438;
  } else if (typeof mode === "function") {
    callback = mode;
    mode = 438;
  } else {
    mode = parseFileMode(mode, "mode", 438);
  }
  const f = stringToFlags(flags);
  callback = makeCallback(callback);
  return { callback, run: () => [openTracked(p2, f, mode)] };
}
function closeTracked(fd) {
  context.engine.close(fd);
  noteClose(fd);
}
function closeSync2(fd) {
  closeTracked(getValidatedFd(fd));
}
function defaultCloseCallback(err) {
  if (err != null) throw err;
}
function close(args) {
  let [fd, callback = defaultCloseCallback] = args;
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  const validFd = getValidatedFd(fd);
  return { callback, run: () => (closeTracked(validFd), []) };
}
var nodeMajor3 = Number(process.versions.node.split(".")[0]);
function validatePosition(position, name, length) {
  if (typeof position === "number") validateInteger(position, name, -1);
  else if (typeof position === "bigint") {
    const [min, max] = nodeMajor3 >= 22 ? [-1n, 2n ** 63n - 1n - BigInt(length)] : [-(2n ** 63n), 2n ** 63n - 1n];
    if (!(position >= min && position <= max)) throw outOfRange(name, `>= ${min} && <= ${max}`, position);
  } else throw invalidArgType(name, ["integer", "bigint"], position);
}
function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw outOfRange("offset", ">= 0", offset);
  if (length < 0) throw outOfRange("length", ">= 0", length);
  if (offset + length > bufferLength) throw outOfRange("length", `<= ${bufferLength - offset}`, length);
}
function checkRead(fd, buffer, offset, length, position) {
  if (offset == null) offset = 0;
  else validateInteger(offset, "offset", 0);
  const len = length | 0;
  if (nodeMajor3 >= 22) {
    if (position == null) position = -1;
    else validatePosition(position, "position", len);
  }
  if (len === 0) return 0;
  if (buffer.byteLength === 0) throw invalidArgValue("buffer", buffer, "is empty and cannot be written");
  validateOffsetLengthRead(offset, len, buffer.byteLength);
  if (nodeMajor3 < 22) {
    if (position == null) position = -1;
    validatePosition(position, "position", len);
  }
  return { fd, buffer, offset, length: len, position };
}
function runRead(r) {
  return context.engine.read(r.fd, bytesOf(r.buffer), r.offset, r.length, enginePosition(r.position));
}
function readSync2(...args) {
  let [fd, buffer, offsetOrOptions, length, position] = args;
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (args.length <= 3 || typeof offsetOrOptions === "object") {
    if (offsetOrOptions !== void 0) validateObject(offsetOrOptions, "options", true);
    const o = offsetOrOptions ?? {};
    offset = o.offset === void 0 ? 0 : o.offset;
    length = o.length === void 0 ? buffer.byteLength - offset : o.length;
    position = o.position === void 0 ? null : o.position;
  }
  const request = checkRead(getValidatedFd(fd), buffer, offset, length, position);
  return typeof request === "number" ? request : runRead(request);
}
function read(args) {
  let [fd, buffer, offsetOrOptions, length, position, callback] = args;
  const validFd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  let params = null;
  if (args.length <= 4) {
    if (args.length === 4) {
      validateObject(offsetOrOptions, "options", true);
      callback = length;
      params = offsetOrOptions;
    } else if (args.length === 3) {
      if (!ArrayBuffer.isView(buffer)) {
        params = buffer;
        const given = (params ?? {}).buffer;
        buffer = given === void 0 ? import_node_buffer2.Buffer.alloc(16384) : given;
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = import_node_buffer2.Buffer.alloc(16384);
    }
    if (params !== void 0) validateObject(params, "options", true);
    const o = params ?? {};
    offset = o.offset === void 0 ? 0 : o.offset;
    length = o.length === void 0 ? buffer?.byteLength - offset : o.length;
    position = o.position === void 0 ? null : o.position;
  }
  validateBuffer(buffer);
  validateFunction(callback, "cb");
  const request = checkRead(validFd, buffer, offset, length, position);
  const cb = callback;
  if (typeof request === "number") return { callback: cb, run: () => [0, buffer] };
  return { callback: cb, run: () => [runRead(request), buffer] };
}
function validateBufferArray(buffers, propName = "buffers") {
  if (!Array.isArray(buffers)) throw invalidArgType(propName, "ArrayBufferView[]", buffers);
  for (const b of buffers) if (!ArrayBuffer.isView(b)) throw invalidArgType(propName, "ArrayBufferView[]", buffers);
  return buffers;
}
function runReadv(fd, buffers, position) {
  let pos = typeof position === "number" ? position : null;
  let total = 0;
  for (const b of buffers) {
    if (b.byteLength === 0) continue;
    const n = context.engine.read(fd, bytesOf(b), 0, b.byteLength, pos);
    total += n;
    if (pos !== null) pos += n;
    if (n < b.byteLength) break;
  }
  return total;
}
function readvSync(fd, buffers, position) {
  validateBufferArray(buffers);
  return runReadv(getValidatedFd(fd), buffers, position);
}
function readv(args) {
  let [fd, buffers, position, callback] = args;
  const validFd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, "cb");
  return { callback, run: () => [runReadv(validFd, buffers, position), buffers] };
}
function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw outOfRange("offset", `<= ${byteLength}`, offset);
  if (length > byteLength - offset) throw outOfRange("length", `<= ${byteLength - offset}`, length);
  if (length < 0) throw outOfRange("length", ">= 0", length);
  validateInt32(length, "length", 0);
}
function validateStringAfterArrayBufferView(buffer, name) {
  if (typeof buffer !== "string") throw invalidArgType(name, ["string", "Buffer", "TypedArray", "DataView"], buffer);
}
function validateEncoding(data, encoding) {
  const normalized = typeof encoding === "string" ? encoding.toLowerCase() : encoding;
  if (normalized === "hex" && data.length % 2 !== 0) {
    throw invalidArgValue("encoding", encoding, `is invalid for data of length ${data.length}`);
  }
}
function runWrite(w) {
  const written = context.engine.write(w.fd, w.bytes, w.offset, w.length, w.position);
  noteWrite(w.fd, written);
  return written;
}
function bufferWrite(fd, buffer, offsetOrOptions, length, position) {
  let offset = offsetOrOptions;
  if (typeof offset === "object") {
    const o = offsetOrOptions ?? {};
    offset = o.offset === void 0 ? 0 : o.offset;
    length = o.length === void 0 ? buffer.byteLength - offset : o.length;
    position = o.position === void 0 ? null : o.position;
  }
  if (offset == null || typeof offset === "function") offset = 0;
  else validateInteger(offset, "offset", 0);
  if (typeof length !== "number") length = buffer.byteLength - offset;
  validateOffsetLengthWrite(offset, length, buffer.byteLength);
  return { fd, bytes: bytesOf(buffer), offset, length, position: typeof position === "number" ? enginePosition(position) : null };
}
function stringWrite(fd, data, position, encoding) {
  const bytes = import_node_buffer2.Buffer.from(data, encoding ?? "utf8");
  return { fd, bytes, offset: 0, length: bytes.length, position: typeof position === "number" ? enginePosition(position) : null };
}
function writeSync(fd, buffer, offsetOrOptions, length, position) {
  const validFd = getValidatedFd(fd);
  if (ArrayBuffer.isView(buffer)) {
    if (typeof offsetOrOptions !== "object" && position === void 0) position = null;
    return runWrite(bufferWrite(validFd, buffer, offsetOrOptions, length, position));
  }
  validateStringAfterArrayBufferView(buffer, "buffer");
  validateEncoding(buffer, length);
  return runWrite(stringWrite(validFd, buffer, offsetOrOptions, length));
}
function write(args) {
  let [fd, buffer, offset, length, position, callback] = args;
  const validFd = getValidatedFd(fd);
  if (ArrayBuffer.isView(buffer)) {
    callback ||= position || length || offset;
    validateFunction(callback, "cb");
    const request2 = bufferWrite(validFd, buffer, offset, typeof length === "function" ? void 0 : length, typeof position === "function" ? void 0 : position);
    return { callback, run: () => [runWrite(request2), buffer] };
  }
  validateStringAfterArrayBufferView(buffer, "buffer");
  if (typeof position !== "function") {
    if (typeof offset === "function") {
      position = offset;
      offset = null;
    } else {
      position = length;
    }
    length = "utf8";
  }
  validateEncoding(buffer, length);
  callback = position;
  validateFunction(callback, "cb");
  const request = stringWrite(validFd, buffer, offset, length);
  return { callback, run: () => [runWrite(request), buffer] };
}
function runWritev(fd, buffers, position) {
  let pos = typeof position === "number" ? position : null;
  let total = 0;
  for (const b of buffers) {
    const n = context.engine.write(fd, bytesOf(b), 0, b.byteLength, pos);
    total += n;
    if (pos !== null) pos += n;
  }
  noteWrite(fd, total);
  return total;
}
function writevSync(fd, buffers, position) {
  validateBufferArray(buffers);
  const validFd = getValidatedFd(fd);
  if (buffers.length === 0) return 0;
  return runWritev(validFd, buffers, position);
}
function writev(args) {
  let [fd, buffers, position, callback] = args;
  const validFd = getValidatedFd(fd);
  validateBufferArray(buffers);
  callback ||= position;
  validateFunction(callback, "cb");
  return { callback, run: () => [buffers.length === 0 ? 0 : runWritev(validFd, buffers, position), buffers] };
}
function fsyncSync(fd) {
  context.engine.fsync(getValidatedFd(fd));
}
function fdatasyncSync(fd) {
  context.engine.fdatasync(getValidatedFd(fd));
}
function fsync(args) {
  const [fd, callback] = args;
  const validFd = getValidatedFd(fd);
  return { callback: makeCallback(callback), run: () => (context.engine.fsync(validFd), []) };
}
function fdatasync(args) {
  const [fd, callback] = args;
  const validFd = getValidatedFd(fd);
  return { callback: makeCallback(callback), run: () => (context.engine.fdatasync(validFd), []) };
}
function ftruncateSync(fd, len = 0) {
  validateInteger(len, "len");
  context.engine.ftruncate(getValidatedFd(fd), len < 0 ? 0 : len);
}
function ftruncate(args) {
  let [fd, len = 0, callback] = args;
  if (typeof len === "function") {
    callback = len;
    len = 0;
  }
  validateInteger(len, "len");
  const l = Math.max(0, len);
  callback = makeCallback(callback);
  const validFd = getValidatedFd(fd);
  return { callback, run: () => (context.engine.ftruncate(validFd, l), []) };
}
function fchmodSync(fd, mode) {
  const validFd = getValidatedFd(fd);
  context.engine.fchmod(validFd, parseFileMode(mode, "mode"));
}
function fchmod(args) {
  const [fd, mode, callback] = args;
  const validFd = getValidatedFd(fd);
  const m = parseFileMode(mode, "mode");
  return { callback: makeCallback(callback), run: () => (context.engine.fchmod(validFd, m), []) };
}
var kMaxUserId = 2 ** 32 - 1;
function validateIds(uid, gid) {
  validateInteger(uid, "uid", -1, kMaxUserId);
  validateInteger(gid, "gid", -1, kMaxUserId);
}
function fchownSync(fd, uid, gid) {
  const validFd = getValidatedFd(fd);
  validateIds(uid, gid);
  context.engine.fchown(validFd, uid, gid);
}
function fchown(args) {
  const [fd, uid, gid, callback] = args;
  const validFd = getValidatedFd(fd);
  validateIds(uid, gid);
  return { callback: makeCallback(callback), run: () => (context.engine.fchown(validFd, uid, gid), []) };
}
function futimesSync(fd, atime, mtime) {
  const validFd = getValidatedFd(fd);
  const a = secondsToNs(toUnixTimestamp(atime, "atime"));
  const m = secondsToNs(toUnixTimestamp(mtime, "mtime"));
  context.engine.futimes(validFd, a, m);
}
function futimes(args) {
  const [fd, atime, mtime, callback] = args;
  const validFd = getValidatedFd(fd);
  const a = secondsToNs(toUnixTimestamp(atime, "atime"));
  const m = secondsToNs(toUnixTimestamp(mtime, "mtime"));
  return { callback: makeCallback(callback), run: () => (context.engine.futimes(validFd, a, m), []) };
}

// src/node/ops/files.ts
var import_node_buffer3 = require("node:buffer");
var import_node_buffer4 = require("node:buffer");
var import_node_fs7 = __toESM(require("node:fs"), 1);
var nodeMajor4 = Number(process.versions.node.split(".")[0]);
var kIoMaxLength = 2 ** 31 - 1;
function isFd(path13) {
  return typeof path13 === "number" && (path13 | 0) === path13;
}
function readAllFromFd(fd) {
  const stat2 = context.engine.fstat(fd);
  const isFile = (stat2.mode & import_node_fs7.constants.S_IFMT) === import_node_fs7.constants.S_IFREG;
  if (isFile && stat2.size > kIoMaxLength) {
    throw nodeError(RangeError, "ERR_FS_FILE_TOO_LARGE", `File size (${stat2.size}) is greater than 2 GiB`);
  }
  const chunks = [];
  let total = 0;
  const chunkSize = isFile && stat2.size > 0 ? Math.min(stat2.size, kIoMaxLength) : 8192;
  for (; ; ) {
    const chunk = import_node_buffer3.Buffer.allocUnsafe(chunkSize);
    const n = context.engine.read(fd, chunk, 0, chunkSize, null);
    if (n === 0) break;
    chunks.push(n === chunkSize ? chunk : chunk.subarray(0, n));
    total += n;
  }
  return import_node_buffer3.Buffer.concat(chunks, total);
}
function writeAllToFd(fd, data) {
  let offset = 0;
  while (offset < data.byteLength) {
    offset += context.engine.write(fd, data, offset, data.byteLength - offset, null);
  }
}
function decode(buffer, encoding) {
  return encoding && encoding !== "buffer" ? buffer.toString(encoding) : buffer;
}
function checkAborted(signal) {
  if (signal?.aborted) throw abortError(signal.reason);
}
function afterATurn(signal, work) {
  if (!signal) return work();
  const turn = () => new Promise((resolve4) => setImmediate(resolve4));
  return turn().then(turn).then(() => {
    checkAborted(signal);
    return work();
  });
}
function readFileCore(path13, flag) {
  if (isFd(path13)) return readAllFromFd(path13);
  const p2 = validatedPathString(path13);
  return context.engine.readFile(p2, stringToFlags(flag, "options.flag"));
}
function readFileSync(path13, options) {
  const o = getOptions(options, { flag: "r" });
  return decode(readFileCore(path13, o.flag), o.encoding);
}
function readFile(args) {
  let [path13, options, callback] = args;
  callback ||= options;
  validateFunction(callback, "cb");
  const o = getOptions(options, { flag: "r" });
  if (!isFd(path13)) {
    stringToFlags(o.flag, "options.flag");
    getValidatedPath(path13);
  }
  const signal = o.signal;
  return {
    callback,
    run: () => {
      checkAborted(signal);
      return afterATurn(signal, () => [decode(readFileCore(path13, o.flag), o.encoding)]);
    }
  };
}
async function readFilePromise(path13, options) {
  const o = getOptions(options, { flag: "r" });
  const flag = o.flag || "r";
  if (isOurFileHandle(path13)) {
    checkAborted(o.signal);
    return afterATurn(o.signal, () => decode(readAllFromFd(path13.fd), o.encoding));
  }
  checkAborted(o.signal);
  const given = getValidatedPath(path13);
  return afterATurn(o.signal, () => {
    try {
      return decode(readFileCore(given, flag), o.encoding);
    } catch (err) {
      throw readFileJobError(err, given);
    }
  });
}
function readFileJobError(err, given) {
  const e = err;
  if (nodeMajor4 >= 26 && e.syscall === "read" && e.path === void 0 && typeof e.code === "string") {
    return framelessForPromise(uvError(e.code, "read", pathString(given)));
  }
  return err;
}
function validateStringData(data, name) {
  if (typeof data !== "string") throw invalidArgType(name, ["string", "Buffer", "TypedArray", "DataView"], data);
}
function dataBytes(data, encoding) {
  if (ArrayBuffer.isView(data)) return bytesOf(data);
  validateStringData(data, "data");
  return import_node_buffer3.Buffer.from(data, encoding || "utf8");
}
function writeFileCore(path13, data, options, defaultFlag) {
  if (isFd(path13)) {
    writeAllToFd(path13, data);
    if (options.flush) import_node_fs7.default.fsyncSync(path13);
    return;
  }
  const p2 = validatedPathString(path13);
  const flags = stringToFlags(options.flag || defaultFlag, "flags");
  const mode = parseFileMode(options.mode, "mode", 438);
  if (options.flush) {
    const fd = context.engine.open(p2, flags, mode);
    try {
      writeAllToFd(fd, data);
      import_node_fs7.default.fsyncSync(fd);
    } finally {
      context.engine.close(fd);
    }
    return;
  }
  context.engine.writeFile(p2, data, flags, mode);
}
function flushedWrite(path13, bytes, o, defaultFlag) {
  const ownFd = !isFd(path13);
  const fd = ownFd ? context.engine.open(validatedPathString(path13), stringToFlags(o.flag || defaultFlag, "flags"), parseFileMode(o.mode, "mode", 438)) : path13;
  try {
    writeAllToFd(fd, bytes);
  } catch (err) {
    if (ownFd) context.engine.close(fd);
    return Promise.reject(err);
  }
  return new Promise((resolve4, reject) => {
    import_node_fs7.default.fsync(fd, (err) => {
      if (ownFd) {
        try {
          context.engine.close(fd);
        } catch (closeError) {
          err ??= closeError;
        }
      }
      if (err) reject(err);
      else resolve4([]);
    });
  });
}
var writeDefaults = (flag) => ({ encoding: "utf8", mode: 438, flag, flush: false });
function writeFileSync(path13, data, options) {
  const o = getOptions(options, writeDefaults("w"));
  validateBoolean(o.flush ?? false, "options.flush");
  writeFileCore(path13, dataBytes(data, o.encoding), o, "w");
}
function appendFileSync(path13, data, options) {
  const o = { ...getOptions(options, { encoding: "utf8", mode: 438, flag: "a" }) };
  if (!o.flag || isFd(path13)) o.flag = "a";
  writeFileSync(path13, data, o);
}
function writeFileJob(path13, data, options, callback, defaultFlag) {
  validateFunction(callback, "cb");
  const o = getOptions(typeof options === "function" ? null : options, writeDefaults(defaultFlag));
  validateBoolean(o.flush ?? false, "options.flush");
  const bytes = dataBytes(data, o.encoding);
  if (!isFd(path13)) getValidatedPath(path13);
  const signal = o.signal;
  if (o.flush) return { callback, run: () => flushedWrite(path13, bytes, o, defaultFlag) };
  return {
    callback,
    run: () => {
      checkAborted(signal);
      return afterATurn(signal, () => (writeFileCore(path13, bytes, o, defaultFlag), []));
    }
  };
}
function writeFile(args) {
  let [path13, data, options, callback] = args;
  callback ||= options;
  return writeFileJob(path13, data, options, callback, "w");
}
function appendFile(args) {
  let [path13, data, options, callback] = args;
  callback ||= options;
  validateFunction(callback, "cb");
  const o = { ...getOptions(typeof options === "function" ? null : options, { encoding: "utf8", mode: 438, flag: "a" }) };
  if (!o.flag || isFd(path13)) o.flag = "a";
  return writeFileJob(path13, data, o, callback, "a");
}
function isCustomIterable(data) {
  return data != null && typeof data === "object" && (typeof data[Symbol.iterator] === "function" || typeof data[Symbol.asyncIterator] === "function");
}
async function collectIterable(data, encoding) {
  const chunks = [];
  for await (const chunk of data) {
    if (typeof chunk === "string") chunks.push(import_node_buffer3.Buffer.from(chunk, encoding || "utf8"));
    else if (ArrayBuffer.isView(chunk)) chunks.push(bytesOf(chunk));
    else throw invalidArgType("data", ["string", "Buffer", "TypedArray", "DataView"], chunk);
  }
  return import_node_buffer3.Buffer.concat(chunks);
}
async function writeFilePromiseCore(path13, data, options, defaultFlag) {
  const o = getOptions(options, writeDefaults(defaultFlag));
  validateBoolean(o.flush ?? false, "options.flush");
  parseFileMode(o.mode, "mode", 438);
  let bytes;
  if (ArrayBuffer.isView(data)) bytes = bytesOf(data);
  else if (typeof data !== "string" && isCustomIterable(data)) bytes = await collectIterable(data, o.encoding);
  else bytes = dataBytes(data, o.encoding);
  if (isOurFileHandle(path13)) {
    const handle = path13;
    checkAborted(o.signal);
    await afterATurn(o.signal, () => writeAllToFd(handle.fd, bytes));
    return;
  }
  checkAborted(o.signal);
  const given = getValidatedPath(path13);
  await afterATurn(o.signal, () => writeFileCore(given, bytes, o, defaultFlag));
}
function writeFilePromise(path13, data, options) {
  return writeFilePromiseCore(path13, data, options, "w");
}
function appendFilePromise(path13, data, options) {
  const o = { ...getOptions(options, { encoding: "utf8", mode: 438, flag: "a" }) };
  if (!o.flag || isOurFileHandle(path13)) o.flag = "a";
  return writeFilePromiseCore(path13, data, o, "a");
}
var truncateFdWarned = false;
function warnTruncateFd() {
  if (truncateFdWarned) return;
  truncateFdWarned = true;
  process.emitWarning(
    "Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.",
    "DeprecationWarning",
    "DEP0081"
  );
}
function truncateSync(path13, len = 0) {
  if (isFd(path13)) {
    warnTruncateFd();
    validateInteger(len, "len");
    context.engine.ftruncate(getValidatedFd(path13), Math.max(0, len));
    return;
  }
  const p2 = validatedPathString(path13);
  validateInteger(len, "len");
  context.engine.truncate(p2, Math.max(0, len));
}
function truncate(args) {
  let [path13, len = 0, callback] = args;
  if (typeof len === "function") {
    callback = len;
    len = 0;
  }
  if (isFd(path13)) warnTruncateFd();
  const p2 = isFd(path13) ? path13 : validatedPathString(path13);
  validateInteger(len, "len");
  const l = Math.max(0, len);
  callback = makeCallback(callback);
  return {
    callback,
    run: () => {
      if (typeof p2 === "number") context.engine.ftruncate(p2, l);
      else context.engine.truncate(p2, l);
      return [];
    }
  };
}
function truncatePromise(path13, len = 0) {
  const p2 = validatedPathString(path13);
  validateInteger(len, "len");
  context.engine.truncate(p2, Math.max(0, len));
}
function copyMode(mode) {
  return validateModeInCpp(mode, 0);
}
function copyFileCore(src, dest, mode) {
  if (ownsPath(dest)) {
    context.engine.copyFile(src, dest, mode);
    return;
  }
  const data = context.engine.readFile(src);
  const original = context.originals.writeFileSync;
  original(dest, data, { flag: mode & import_node_fs7.constants.COPYFILE_EXCL ? "wx" : "w", mode: context.engine.stat(src).mode & 4095 });
}
function copyFileSync(src, dest, mode) {
  const s2 = validatedPathString(src, "src");
  const d = validatedPathString(dest, "dest");
  copyFileCore(s2, d, copyMode(mode));
}
function copyFile(args) {
  let [src, dest, mode, callback] = args;
  if (typeof mode === "function") {
    callback = mode;
    mode = 0;
  }
  const s2 = validatedPathString(src, "src");
  const d = validatedPathString(dest, "dest");
  callback = makeCallback(callback);
  const m = copyMode(mode);
  return { callback, run: () => (copyFileCore(s2, d, m), []) };
}
function copyFilePromise(src, dest, mode) {
  const s2 = validatedPathString(src, "src");
  const d = validatedPathString(dest, "dest");
  copyFileCore(s2, d, copyMode(mode));
}
function blobOptions(path13, options) {
  validateObject(options, "options");
  const type = options.type || "";
  validateString(type, "options.type");
  return { path: pathString(getValidatedPath(path13)), type };
}
function blobOf(path13, type) {
  try {
    return new import_node_buffer4.Blob([context.engine.readFile(path13)], { type });
  } catch {
    return new DOMException("The blob could not be read", "NotReadableError");
  }
}
function openAsBlob(path13, options = {}) {
  const o = blobOptions(path13, options);
  return Promise.resolve(blobOf(o.path, o.type));
}
function openAsBlobSync(path13, options = {}) {
  const o = blobOptions(path13, options);
  const blob = blobOf(o.path, o.type);
  if (blob instanceof DOMException) throw blob;
  return blob;
}
function isOurFileHandle(value) {
  return value !== null && typeof value === "object" && !(value instanceof URL) && !ArrayBuffer.isView(value) && ownsFd(value.fd);
}

// src/node/ops/dirs.ts
var import_node_path5 = __toESM(require("node:path"), 1);
var import_node_fs9 = require("node:fs");

// src/node/ops/rm.ts
var import_node_fs8 = require("node:fs");
var nodeMajor5 = Number(process.versions.node.split(".")[0]);
function validateRmOptions(options) {
  if (options === void 0) return { recursive: false, force: false };
  validateObject(options, "options");
  const o = { recursive: false, force: false, retryDelay: 100, maxRetries: 0, ...options };
  validateBoolean(o.recursive, "options.recursive");
  validateInt32(o.retryDelay, "options.retryDelay", 0);
  validateUint32(o.maxRetries, "options.maxRetries");
  validateBoolean(o.force, "options.force");
  return { recursive: o.recursive, force: o.force };
}
function codeOf2(err) {
  return err?.code;
}
function rmCore(p2, options, lstatAlways = false) {
  if (lstatAlways || !options.force || !options.recursive) {
    const record = options.force ? statRecordOrUndefined(p2, false) : context.engine.lstat(p2);
    if (record !== void 0 && (record.mode & import_node_fs8.constants.S_IFMT) === import_node_fs8.constants.S_IFDIR && !options.recursive) {
      throw fsEisdir(p2);
    }
    if (record === void 0) return;
  }
  try {
    context.engine.rm(p2, options);
  } catch (err) {
    const e = err;
    if (e.code === "EISDIR" && e.syscall === "rm") throw fsEisdir(p2);
    if (lstatAlways && e.code === "ENOTDIR" && e.syscall === "rmdir" && e.path === p2) return;
    if (e.code === "EPERM" && e.syscall === "unlink" && e.path === p2) return rimrafAfterUnlinkEperm(p2, err);
    throw err;
  }
}
function rimrafAfterUnlinkEperm(p2, unlinkError) {
  try {
    context.engine.rmdir(p2);
    return;
  } catch (err) {
    const code = codeOf2(err);
    if (code === "ENOENT") return;
    if (code === "ENOTDIR") throw unlinkError;
    if (code !== "EPERM" && code !== "ENOTEMPTY" && code !== "EEXIST") throw err;
  }
  context.engine.readdir(p2);
  throw unlinkError;
}
var ERRNO = { EPERM: 1, EACCES: 13, ENOTDIR: 20 };
var STRERROR = {
  ELOOP: "Too many levels of symbolic links",
  EINVAL: "Invalid argument",
  EROFS: "Read-only file system",
  EBUSY: "Device or resource busy",
  ENAMETOOLONG: "File name too long",
  EIO: "Input/output error",
  EMFILE: "Too many open files",
  ENFILE: "Too many open files in system",
  ENOSPC: "No space left on device",
  EEXIST: "File exists",
  EISDIR: "Is a directory",
  EXDEV: "Invalid cross-device link",
  EFAULT: "Bad address",
  ENOMEM: "Cannot allocate memory"
};
var UV_EUNKNOWN = -4094;
function nativeRmError(code, path13, major = nodeMajor5) {
  let errnoCode;
  let label;
  switch (code) {
    case "EPERM":
      [errnoCode, label] = ["EPERM", "Operation not permitted"];
      break;
    case "ENOTEMPTY":
      [errnoCode, label] = ["EACCES", "Directory not empty"];
      break;
    case "ENOTDIR":
      [errnoCode, label] = ["ENOTDIR", "Not a directory"];
      break;
    case "EACCES":
      [errnoCode, label] = ["EACCES", "Permission denied"];
      break;
    default:
      return errnoException("", UV_EUNKNOWN, `Unknown error: ${STRERROR[code] ?? code}`, path13);
  }
  const msg = major >= 26 ? `${label}:` : `${label}: ${path13}`;
  return errnoException(errnoCode, ERRNO[errnoCode], msg, path13);
}
function errnoException(code, errno, msg, path13) {
  const err = new Error(`${code}, ${msg} '${path13}'`);
  err.errno = errno;
  err.code = code;
  err.path = path13;
  err.syscall = "rm";
  return err;
}
function lastComponent2(p2) {
  const trimmed = p2.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
function nativeRmSync(engine, p2, options, major = nodeMajor5) {
  if (!options.force || !options.recursive) {
    let record;
    try {
      record = engine.lstat(p2);
    } catch (err) {
      if (options.force && codeOf2(err) === "ENOENT") return;
      throw err;
    }
    if ((record.mode & import_node_fs8.constants.S_IFMT) === import_node_fs8.constants.S_IFDIR && !options.recursive) throw fsEisdir(p2);
  } else {
    try {
      engine.lstat(p2);
    } catch (err) {
      const code = codeOf2(err);
      if (code === "ENOENT" || code === "ENOTDIR") return;
    }
  }
  try {
    const last = lastComponent2(p2);
    if (options.recursive && (last === "." || last === "..")) removeDotDirectory(engine, p2);
    else engine.rm(p2, { recursive: options.recursive, force: true, childrenFirst: true });
  } catch (err) {
    const code = codeOf2(err);
    if (code === "ENOENT") return;
    throw nativeRmError(typeof code === "string" ? code : "EIO", p2, major);
  }
}
function removeDotDirectory(engine, p2) {
  const base = engine.realpath(p2).replace(/\/+$/, "");
  for (const entry of engine.readdir(p2)) {
    engine.rm(`${base}/${entry.name}`, { recursive: true, force: true, childrenFirst: true });
  }
  engine.rmdir(p2);
}
function rmSync(p2, options) {
  const target = validatedPathString(p2);
  const o = validateRmOptions(options);
  if (nodeMajor5 >= 24) nativeRmSync(context.engine, target, o);
  else rmCore(target, o);
}
function rm(args) {
  let [p2, options, callback] = args;
  if (typeof options === "function") {
    callback = options;
    options = void 0;
  }
  callback = makeCallback(callback);
  const target = validatedPathString(p2);
  const o = validateRmOptions(options);
  return { callback, run: () => (rmCore(target, o, true), []) };
}
function rmPromise(p2, options) {
  const target = validatedPathString(p2);
  const o = validateRmOptions(options);
  try {
    rmCore(target, o, true);
  } catch (err) {
    throw framelessForPromise(err);
  }
}

// src/node/ops/dirs.ts
var constants7 = import_node_fs9.constants;
var nodeMajor6 = Number(process.versions.node.split(".")[0]);
function mkdirArgs(p2, options, form, callback) {
  let mode = 511;
  let recursive = false;
  const early = nodeMajor6 >= 22 && form !== "promise";
  if (typeof options === "number" || typeof options === "string") {
    mode = early ? parseFileMode(options, "mode") : options;
  } else if (options && typeof options === "object") {
    const o = options;
    if (o.recursive !== void 0) {
      recursive = o.recursive;
      if (early) validateBoolean(recursive, "options.recursive");
    }
    if (o.mode !== void 0) mode = early ? parseFileMode(o.mode, "options.mode") : o.mode;
  }
  const cb = form === "callback" ? makeCallback(callback) : void 0;
  const target = validatedPathString(p2);
  validateBoolean(recursive, "options.recursive");
  if (!early) mode = parseFileMode(mode, "mode", 511);
  return { target, mode, recursive, cb };
}
function mkdirSync(p2, options) {
  const { target, mode, recursive } = mkdirArgs(p2, options, "sync");
  const first = context.engine.mkdir(target, mode, recursive);
  return recursive ? first : void 0;
}
function mkdir(args) {
  const [p2, options, callback] = args;
  const { target, mode, recursive, cb } = typeof options === "function" ? mkdirArgs(p2, void 0, "callback", options) : mkdirArgs(p2, options, "callback", callback);
  return {
    callback: cb,
    run: () => {
      const first = context.engine.mkdir(target, mode, recursive);
      return recursive ? [first] : [];
    }
  };
}
function mkdirPromise(p2, options) {
  const { target, mode, recursive } = mkdirArgs(p2, options, "promise");
  const first = context.engine.mkdir(target, mode, recursive);
  return recursive ? first : void 0;
}
var nonPortableTemplateWarned = false;
function warnOnNonPortableTemplate(template) {
  const last = typeof template === "string" ? template.endsWith("X") : template.at(-1) === 88;
  if (!nonPortableTemplateWarned && last) {
    process.emitWarning("mkdtemp() templates ending with X are not portable. For details see: https://nodejs.org/api/fs.html");
    nonPortableTemplateWarned = true;
  }
}
function mkdtempCore(prefix, options) {
  const validPrefix = getValidatedPath(prefix, "prefix");
  warnOnNonPortableTemplate(validPrefix);
  return () => encodeName(context.engine.mkdtemp(pathString(validPrefix)), options.encoding);
}
function mkdtempSync(prefix, options) {
  return mkdtempCore(prefix, getOptions(options))();
}
function mkdtemp(args) {
  const [prefix, options, callback] = args;
  const cb = makeCallback(typeof options === "function" ? options : callback);
  const make = mkdtempCore(prefix, getOptions(options));
  return { callback: cb, run: () => [make()] };
}
function mkdtempPromise(prefix, options) {
  return mkdtempCore(prefix, getOptions(options))();
}
function mkdtempDisposableSync(prefix, options) {
  const made = mkdtempSync(prefix, options);
  const fullPath = import_node_path5.default.resolve(process.cwd(), String(made));
  const remove = () => rmCore(fullPath, { recursive: true, force: true });
  return {
    path: made,
    remove,
    [Symbol.dispose]() {
      remove();
    }
  };
}
async function mkdtempDisposablePromise(prefix, options) {
  const made = mkdtempPromise(prefix, options);
  const fullPath = import_node_path5.default.resolve(process.cwd(), String(made));
  const remove = async () => rmCore(fullPath, { recursive: true, force: true });
  return {
    path: made,
    remove,
    async [Symbol.asyncDispose]() {
      await remove();
    }
  };
}
var direntTypes = {
  [0 /* Unknown */]: constants7.UV_DIRENT_UNKNOWN,
  [1 /* File */]: constants7.UV_DIRENT_FILE,
  [2 /* Directory */]: constants7.UV_DIRENT_DIR,
  [3 /* Symlink */]: constants7.UV_DIRENT_LINK,
  [4 /* Fifo */]: constants7.UV_DIRENT_FIFO,
  [5 /* Socket */]: constants7.UV_DIRENT_SOCKET,
  [6 /* Char */]: constants7.UV_DIRENT_CHAR,
  [7 /* Block */]: constants7.UV_DIRENT_BLOCK
};
function typeFromMode(mode) {
  switch (mode & constants7.S_IFMT) {
    case constants7.S_IFREG:
      return constants7.UV_DIRENT_FILE;
    case constants7.S_IFDIR:
      return constants7.UV_DIRENT_DIR;
    case constants7.S_IFLNK:
      return constants7.UV_DIRENT_LINK;
    case constants7.S_IFIFO:
      return constants7.UV_DIRENT_FIFO;
    case constants7.S_IFSOCK:
      return constants7.UV_DIRENT_SOCKET;
    case constants7.S_IFCHR:
      return constants7.UV_DIRENT_CHAR;
    case constants7.S_IFBLK:
      return constants7.UV_DIRENT_BLOCK;
    default:
      return constants7.UV_DIRENT_UNKNOWN;
  }
}
function makeDirent(name, entry, parentPath, dirPath) {
  let type = direntTypes[entry.type] ?? constants7.UV_DIRENT_UNKNOWN;
  if (type === constants7.UV_DIRENT_UNKNOWN) type = typeFromMode(context.engine.lstat(import_node_path5.default.join(dirPath, entry.name)).mode);
  return new import_node_fs9.Dirent(name, type, parentPath);
}
function compareNames(a, b) {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 55296 || y >= 55296) return a.codePointAt(i) - b.codePointAt(i);
    return x - y;
  }
  return a.length - b.length;
}
function sortedListing(dirPath) {
  return context.engine.readdir(dirPath).sort((x, y) => compareNames(x.name, y.name));
}
function isDirectoryFollowingLinks(p2) {
  try {
    const record = context.engine.tryStat(p2, true);
    return record !== void 0 && (record.mode & constants7.S_IFMT) === constants7.S_IFDIR;
  } catch {
    return false;
  }
}
function readdirRecursive(basePath, options) {
  const results = [];
  const queue = [basePath];
  const listedAs = [basePath];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i];
    const listed = listedAs[i];
    for (const entry of sortedListing(listed)) {
      const full = import_node_path5.default.join(current, entry.name);
      const nextListed = nodeMajor6 >= 26 ? `${listed.endsWith("/") ? listed.slice(0, -1) : listed}/${entry.name}` : full;
      if (options.withFileTypes) {
        const dirent = makeDirent(encodeName(entry.name, options.encoding), entry, current, current);
        results.push(dirent);
        if (dirent.isDirectory() || nodeMajor6 >= 22 && isDirectoryFollowingLinks(full)) {
          queue.push(full);
          listedAs.push(nextListed);
        }
      } else {
        results.push(encodeName(import_node_path5.default.relative(basePath, full), options.encoding));
        if (isDirectoryFollowingLinks(full)) {
          queue.push(full);
          listedAs.push(nextListed);
        }
      }
    }
  }
  return results;
}
function readdirCore(given, options) {
  const p2 = pathString(given);
  if (options.recursive) return readdirRecursive(p2, options);
  const entries = sortedListing(p2);
  if (options.withFileTypes) return entries.map((e) => makeDirent(encodeName(e.name, options.encoding), e, given, p2));
  return entries.map((e) => encodeName(e.name, options.encoding));
}
function readdirSync2(p2, options) {
  const o = getOptions(options);
  const given = getValidatedPath(p2);
  if (o.recursive != null) validateBoolean(o.recursive, "options.recursive");
  return readdirCore(given, o);
}
function readdir(args) {
  const [p2, options, callback] = args;
  const cb = makeCallback(typeof options === "function" ? options : callback);
  const o = getOptions(options);
  const given = getValidatedPath(p2);
  if (o.recursive != null) validateBoolean(o.recursive, "options.recursive");
  const copy = { ...o };
  return { callback: cb, run: () => [readdirCore(given, copy)] };
}
function readdirPromise(p2, options) {
  const o = getOptions(options);
  const given = getValidatedPath(p2);
  if (o.recursive != null) validateBoolean(o.recursive, "options.recursive");
  return readdirCore(given, o);
}
function validateRmdirOptions(options) {
  if (options === void 0) return;
  validateObject(options, "options");
  const o = { retryDelay: 100, maxRetries: 0, recursive: false, ...options };
  validateBoolean(o.recursive, "options.recursive");
  validateInt32(o.retryDelay, "options.retryDelay", 0);
  validateUint32(o.maxRetries, "options.maxRetries");
}
var recursiveRmdirWarned = false;
function emitRecursiveRmdirWarning() {
  if (recursiveRmdirWarned || process.noDeprecation) return;
  recursiveRmdirWarned = true;
  process.emitWarning(
    "In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. Use fs.rm(path, { recursive: true }) instead",
    "DeprecationWarning",
    "DEP0147"
  );
}
function rmdirCore(p2, options) {
  const recursive = options?.recursive;
  if (recursive && nodeMajor6 < 26) {
    emitRecursiveRmdirWarning();
    validateRmdirOptions(options);
    const record = context.engine.lstat(p2);
    if ((record.mode & constants7.S_IFMT) !== constants7.S_IFDIR) {
      context.engine.rmdir(p2);
      return;
    }
    rmCore(p2, { recursive: true, force: false });
    return;
  }
  context.engine.rmdir(p2);
}
function rmdirTarget(p2, options) {
  const target = validatedPathString(p2);
  const recursive = options?.recursive;
  if (nodeMajor6 >= 26 && recursive !== void 0) {
    throw invalidArgValue("options.recursive", recursive, "is no longer supported");
  }
  if (!recursive) validateRmdirOptions(options);
  return target;
}
function rmdirSync(p2, options) {
  rmdirCore(rmdirTarget(p2, options), options);
}
function rmdir(args) {
  let [p2, options, callback] = args;
  if (typeof options === "function") {
    callback = options;
    options = void 0;
  }
  callback = makeCallback(callback);
  const target = rmdirTarget(p2, options);
  return { callback, run: () => (rmdirCore(target, options), []) };
}
function rmdirPromise(p2, options) {
  rmdirCore(rmdirTarget(p2, options), options);
}

// src/node/ops/links.ts
var import_node_path6 = __toESM(require("node:path"), 1);
function sameSide(syscall, from, to) {
  if (ownsPath(from) !== ownsPath(to)) throw uvError("EXDEV", syscall, from, to);
}
function renameCore(from, to) {
  sameSide("rename", from, to);
  context.engine.rename(from, to);
}
function renameSync(oldPath, newPath) {
  const from = validatedPathString(oldPath, "oldPath");
  const to = validatedPathString(newPath, "newPath");
  renameCore(from, to);
}
function rename(args) {
  const [oldPath, newPath, callback] = args;
  const cb = makeCallback(callback);
  const from = validatedPathString(oldPath, "oldPath");
  const to = validatedPathString(newPath, "newPath");
  return { callback: cb, run: () => (renameCore(from, to), []) };
}
function renamePromise(oldPath, newPath) {
  renameSync(oldPath, newPath);
}
function linkCore(existing, created) {
  sameSide("link", existing, created);
  context.engine.link(existing, created);
}
function linkSync(existingPath, newPath) {
  const existing = validatedPathString(existingPath, "existingPath");
  const created = validatedPathString(newPath, "newPath");
  linkCore(existing, created);
}
function link(args) {
  const [existingPath, newPath, callback] = args;
  const cb = makeCallback(callback);
  const existing = validatedPathString(existingPath, "existingPath");
  const created = validatedPathString(newPath, "newPath");
  return { callback: cb, run: () => (linkCore(existing, created), []) };
}
function linkPromise(existingPath, newPath) {
  linkSync(existingPath, newPath);
}
var nodeMajor7 = Number(process.versions.node.split(".")[0]);
function symlinkArgs(target, p2, type) {
  if (nodeMajor7 >= 24) validateOneOf(type, "type", ["dir", "file", "junction", null, void 0]);
  const paths = [validatedPathString(target, "target"), validatedPathString(p2)];
  if (nodeMajor7 < 24 && typeof type === "string" && !["dir", "file", "junction"].includes(type)) {
    throw nodeError(Error, "ERR_FS_INVALID_SYMLINK_TYPE", `Symlink type must be one of "dir", "file", or "junction". Received "${type}"`);
  }
  return paths;
}
function symlinkSync(target, p2, type) {
  const [t, where] = symlinkArgs(target, p2, type);
  context.engine.symlink(t, where);
}
function symlink(args) {
  let [target, p2, type, callback] = args;
  if (typeof type === "function") {
    callback = type;
    type = void 0;
  }
  const cb = makeCallback(callback);
  const [t, where] = symlinkArgs(target, p2, type);
  return { callback: cb, run: () => (context.engine.symlink(t, where), []) };
}
function symlinkPromise(target, p2, type) {
  symlinkSync(target, p2, type);
}
function readlinkSync2(p2, options) {
  const o = getOptions(options);
  const where = validatedPathString(p2, "oldPath");
  return encodeName(context.engine.readlink(where), o.encoding);
}
function readlink(args) {
  const [p2, options, callback] = args;
  const cb = makeCallback(typeof options === "function" ? options : callback);
  const o = getOptions(options);
  const where = validatedPathString(p2, "oldPath");
  return { callback: cb, run: () => [encodeName(context.engine.readlink(where), o.encoding)] };
}
function readlinkPromise(p2, options) {
  const o = getOptions(options);
  const where = validatedPathString(p2, "path");
  return encodeName(context.engine.readlink(where), o.encoding);
}
function realpathLikeJs(absolute) {
  try {
    return context.engine.realpath(absolute);
  } catch (err) {
    let prefix = "";
    for (const part of absolute.split("/").filter(Boolean)) {
      prefix += `/${part}`;
      context.engine.lstat(prefix);
    }
    throw err;
  }
}
function jsRealpathPath(p2) {
  let value = toPathIfFileURL(p2);
  if (typeof value !== "string") value = `${value}`;
  const checked = value;
  if (checked.includes("\0")) {
    throw invalidArgValue("path", checked, "must be a string, Uint8Array, or URL without null bytes");
  }
  return import_node_path6.default.resolve(checked);
}
function realpathSync2(p2, options) {
  const o = getOptions(options);
  const absolute = jsRealpathPath(p2);
  return encodeName(realpathLikeJs(absolute), o.encoding);
}
function realpathSyncNative(p2, options) {
  const o = getOptions(options);
  const where = validatedPathString(p2);
  return encodeName(context.engine.realpath(where), o.encoding);
}
function realpath(args) {
  const [p2, options, callback] = args;
  const cb = makeCallback(typeof options === "function" ? options : callback);
  const o = getOptions(options);
  const value = toPathIfFileURL(p2);
  if (typeof value !== "string" && !(value instanceof Uint8Array)) throw invalidArgType("path", ["string", "Buffer", "URL"], value);
  const absolute = jsRealpathPath(value instanceof Uint8Array ? pathString(value) : value);
  return { callback: cb, run: () => [encodeName(realpathLikeJs(absolute), o.encoding)] };
}
function realpathNative2(args) {
  const [p2, options, callback] = args;
  const cb = makeCallback(typeof options === "function" ? options : callback);
  const o = getOptions(options);
  const where = validatedPathString(p2);
  return { callback: cb, run: () => [encodeName(context.engine.realpath(where), o.encoding)] };
}
function realpathPromise(p2, options) {
  return realpathSyncNative(p2, options);
}
function unlinkSync(p2) {
  context.engine.unlink(validatedPathString(p2));
}
function unlink(args) {
  const [p2, callback] = args;
  const cb = makeCallback(callback);
  const where = validatedPathString(p2);
  return { callback: cb, run: () => (context.engine.unlink(where), []) };
}
function unlinkPromise(p2) {
  unlinkSync(p2);
}

// src/node/ops/meta.ts
function chmodSync(p2, mode) {
  const where = validatedPathString(p2);
  context.engine.chmod(where, parseFileMode(mode, "mode"));
}
function chmod(args) {
  const [p2, mode, callback] = args;
  const where = validatedPathString(p2);
  const m = parseFileMode(mode, "mode");
  const cb = makeCallback(callback);
  return { callback: cb, run: () => (context.engine.chmod(where, m), []) };
}
var chmodPromise = chmodSync;
function chownFamily(follow) {
  const apply2 = (where, uid, gid) => follow ? context.engine.chown(where, uid, gid) : context.engine.lchown(where, uid, gid);
  return {
    sync(p2, uid, gid) {
      const where = validatedPathString(p2);
      validateIds(uid, gid);
      apply2(where, uid, gid);
    },
    callback(args) {
      const [p2, uid, gid, callback] = args;
      const cb = makeCallback(callback);
      const where = validatedPathString(p2);
      validateIds(uid, gid);
      return { callback: cb, run: () => (apply2(where, uid, gid), []) };
    }
  };
}
var chownOps = chownFamily(true);
var lchownOps = chownFamily(false);
var chownSync = chownOps.sync;
var chown = chownOps.callback;
var chownPromise = chownOps.sync;
var lchownSync = lchownOps.sync;
var lchown = lchownOps.callback;
var lchownPromise = lchownOps.sync;
function utimesFamily(follow) {
  const apply2 = (where, a, m) => follow ? context.engine.utimes(where, a, m) : context.engine.lutimes(where, a, m);
  const times = (atime, mtime) => [
    // Node names both "time" for the path forms (only the fd forms say atime/mtime).
    secondsToNs(toUnixTimestamp(atime)),
    secondsToNs(toUnixTimestamp(mtime))
  ];
  return {
    sync(p2, atime, mtime) {
      const where = validatedPathString(p2);
      const [a, m] = times(atime, mtime);
      apply2(where, a, m);
    },
    callback(args) {
      const [p2, atime, mtime, callback] = args;
      const cb = makeCallback(callback);
      const where = validatedPathString(p2);
      const [a, m] = times(atime, mtime);
      return { callback: cb, run: () => (apply2(where, a, m), []) };
    }
  };
}
var utimesOps = utimesFamily(true);
var lutimesOps = utimesFamily(false);
var utimesSync = utimesOps.sync;
var utimes = utimesOps.callback;
var utimesPromise = utimesOps.sync;
var lutimesSync = lutimesOps.sync;
var lutimes = lutimesOps.callback;
var lutimesPromise = lutimesOps.sync;

// src/node/dir.ts
var import_node_fs10 = __toESM(require("node:fs"), 1);
var import_node_path7 = __toESM(require("node:path"), 1);
var dirClosed = () => withFrames(nodeError(Error, "ERR_DIR_CLOSED", "Directory handle was closed"), dirClosed);
function readListing(dirPath) {
  try {
    return context.engine.readdir(dirPath);
  } catch (err) {
    const code = err.code;
    if (typeof code === "string" && !code.startsWith("ERR_")) throw uvError(code, "opendir");
    throw err;
  }
}
var OverlayDir = class _OverlayDir {
  #path;
  #options;
  #queue;
  #closed = false;
  /** An asynchronous read or close not yet delivered: sync work meanwhile is ERR_DIR_CONCURRENT_OPERATION. */
  #pending = 0;
  constructor(given, options) {
    chainToNodeDir();
    this.#path = given;
    this.#options = { bufferSize: 32, ...options };
    validateUint32(this.#options.bufferSize, "options.bufferSize", true);
    const dirPath = pathString(given);
    this.#queue = [{ dirPath, parentPath: given, entries: readListing(dirPath), next: 0 }];
  }
  get path() {
    if (!(#path in this)) throw withFrames(nodeError(TypeError, "ERR_INVALID_THIS", 'Value of "this" must be of type Dir'), Object.getOwnPropertyDescriptor(_OverlayDir.prototype, "path").get);
    return this.#path;
  }
  #nextDirent() {
    while (this.#queue.length > 0) {
      const listing = this.#queue[0];
      if (listing.next < listing.entries.length) {
        const entry = listing.entries[listing.next++];
        const dirent = makeDirent(encodeName(entry.name, this.#options.encoding), entry, listing.parentPath, listing.dirPath);
        if (this.#options.recursive && dirent.isDirectory()) {
          const sub = import_node_path7.default.join(listing.dirPath, entry.name);
          try {
            this.#queue.push({ dirPath: sub, parentPath: sub, entries: context.engine.readdir(sub), next: 0 });
          } catch {
          }
        }
        return dirent;
      }
      this.#queue.shift();
    }
    return null;
  }
  #checkNoConcurrent() {
    if (this.#pending > 0) {
      throw withFrames(nodeError(Error, "ERR_DIR_CONCURRENT_OPERATION", "Cannot do synchronous work on directory handle with concurrent asynchronous operations"), this.#checkNoConcurrent);
    }
  }
  #tail = Promise.resolve();
  /** Runs `work` on a later tick after every earlier asynchronous operation, counted as pending until then. */
  #later(work) {
    this.#pending++;
    const run = () => new Promise((resolve4, reject) => {
      process.nextTick(() => {
        this.#pending--;
        try {
          resolve4(work());
        } catch (err) {
          reject(err);
        }
      });
    });
    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => void 0);
    return result;
  }
  readSync() {
    if (this.#closed) throw dirClosed();
    this.#checkNoConcurrent();
    return this.#nextDirent();
  }
  read(callback) {
    if (callback === void 0) {
      if (this.#closed) return Promise.reject(dirClosed());
      return this.#later(() => this.#nextDirent());
    }
    if (this.#closed) throw dirClosed();
    validateFunction(callback, "callback");
    this.#later(() => this.#nextDirent()).then(
      (dirent) => callback(null, dirent),
      (err) => callback(err)
    );
  }
  closeSync() {
    if (this.#closed) throw dirClosed();
    this.#checkNoConcurrent();
    this.#closed = true;
    this.#queue.length = 0;
  }
  close(callback) {
    const finish = () => {
      this.#closed = true;
      this.#queue.length = 0;
    };
    if (callback === void 0) {
      if (this.#closed) return Promise.reject(dirClosed());
      return this.#later(finish);
    }
    validateFunction(callback, "callback");
    if (this.#closed) {
      process.nextTick(callback, dirClosed());
      return;
    }
    this.#later(finish).then(() => callback(null), (err) => callback(err));
  }
  async *entries() {
    try {
      while (true) {
        const dirent = await this.read();
        if (dirent === null) break;
        yield dirent;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }
  [Symbol.dispose]() {
    if (!this.#closed) this.closeSync();
  }
  async [Symbol.asyncDispose]() {
    if (!this.#closed) await this.close();
  }
};
Object.defineProperty(OverlayDir.prototype, Symbol.asyncIterator, {
  enumerable: false,
  writable: true,
  configurable: true,
  value: OverlayDir.prototype.entries
});
var chainedToNodeDir = false;
function chainToNodeDir() {
  if (chainedToNodeDir) return;
  Object.setPrototypeOf(OverlayDir.prototype, import_node_fs10.default.Dir.prototype);
  chainedToNodeDir = true;
}
function openDir(p2, options) {
  const given = getValidatedPath(p2);
  const o = getOptions(options, { encoding: "utf8" });
  return new OverlayDir(given, o);
}
function opendirSync(p2, options) {
  return openDir(p2, options);
}
function opendir(args) {
  const [p2, options, cb] = args;
  const callback = typeof options === "function" ? options : cb;
  validateFunction(callback, "callback");
  const given = getValidatedPath(p2);
  const o = getOptions(options, { encoding: "utf8" });
  return { callback, run: () => [new OverlayDir(given, o)] };
}
function opendirPromise(p2, options) {
  return openDir(p2, options);
}

// src/node/cp.ts
var import_node_fs11 = __toESM(require("node:fs"), 1);
var import_node_path8 = __toESM(require("node:path"), 1);
var nodeMajor8 = Number(process.versions.node.split(".")[0]);
var EINVAL = 22;
var EISDIR2 = 21;
var ENOTDIR = 20;
var EEXIST = 17;
function validateCpOptions(options) {
  const defaults = { dereference: false, errorOnExist: false, filter: void 0, force: true, preserveTimestamps: false, recursive: false, verbatimSymlinks: false };
  if (options === void 0) return { ...defaults, mode: 0 };
  validateObject(options, "options");
  const o = { ...defaults, ...options };
  for (const key of ["dereference", "errorOnExist", "force", "preserveTimestamps", "recursive", "verbatimSymlinks"]) {
    validateBoolean(o[key], `options.${key}`);
  }
  let mode = o.mode;
  if (mode == null) mode = 0;
  else validateInteger(mode, "mode", 0, 7);
  if (o.dereference === true && o.verbatimSymlinks === true) throw incompatibleOptionPair("dereference", "verbatimSymlinks");
  if (o.filter !== void 0) validateFunction(o.filter, "options.filter");
  return { ...o, mode };
}
function cpError(key, prefix, message, dest, errno, code) {
  return systemError(key, prefix, { message, path: dest, syscall: "cp", errno, code });
}
function isSrcSubdir(src, dest) {
  const srcParts = import_node_path8.default.resolve(src).split(import_node_path8.default.sep).filter(Boolean);
  const destParts = import_node_path8.default.resolve(dest).split(import_node_path8.default.sep).filter(Boolean);
  return srcParts.every((part, i) => destParts[i] === part);
}
function areIdentical(a, b) {
  return b.ino !== void 0 && b.dev !== void 0 && b.ino === a.ino && b.dev === a.dev;
}
function statFor(opts, p2, throwIfNoEntry) {
  return (opts.dereference ? import_node_fs11.default.statSync : import_node_fs11.default.lstatSync)(p2, { bigint: true, throwIfNoEntry });
}
function* checkPaths(src, dest, opts) {
  if (opts.filter) {
    const keep = yield opts.filter(src, dest);
    if (!keep) return { skipped: true };
  }
  const srcStat = statFor(opts, src, true);
  const destStat = statFor(opts, dest, false);
  if (destStat) {
    if (areIdentical(srcStat, destStat)) {
      throw cpError("ERR_FS_CP_EINVAL", "Invalid src or dest", "src and dest cannot be the same", dest, EINVAL, "EINVAL");
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError("ERR_FS_CP_DIR_TO_NON_DIR", "Cannot overwrite non-directory with directory", `cannot overwrite non-directory ${dest} with directory ${src}`, dest, EISDIR2, "EISDIR");
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError("ERR_FS_CP_NON_DIR_TO_DIR", "Cannot overwrite directory with non-directory", `cannot overwrite directory ${dest} with non-directory ${src}`, dest, ENOTDIR, "ENOTDIR");
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw cpError("ERR_FS_CP_EINVAL", "Invalid src or dest", `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL, "EINVAL");
  }
  return { skipped: false, srcStat, destStat };
}
function checkParentPaths(src, srcStat, dest) {
  const srcParent = import_node_path8.default.resolve(import_node_path8.default.dirname(src));
  const destParent = import_node_path8.default.resolve(import_node_path8.default.dirname(dest));
  if (destParent === srcParent || destParent === import_node_path8.default.parse(destParent).root) return;
  const destStat = import_node_fs11.default.statSync(destParent, { bigint: true, throwIfNoEntry: false });
  if (destStat === void 0) return;
  if (areIdentical(srcStat, destStat)) {
    throw cpError("ERR_FS_CP_EINVAL", "Invalid src or dest", `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL, "EINVAL");
  }
  checkParentPaths(src, srcStat, destParent);
}
function copyOneFile(srcStat, src, dest, opts) {
  import_node_fs11.default.copyFileSync(src, dest, opts.mode);
  const mode = Number(srcStat.mode);
  if (opts.preserveTimestamps) {
    if ((mode & 128) === 0) import_node_fs11.default.chmodSync(dest, mode | 128);
    const updated = import_node_fs11.default.statSync(src);
    import_node_fs11.default.utimesSync(dest, updated.atime, updated.mtime);
  }
  import_node_fs11.default.chmodSync(dest, mode);
}
function copyLinkEntry(destStat, src, dest, opts) {
  let resolvedSrc = import_node_fs11.default.readlinkSync(src);
  if (!opts.verbatimSymlinks && !import_node_path8.default.isAbsolute(resolvedSrc)) resolvedSrc = import_node_path8.default.resolve(import_node_path8.default.dirname(src), resolvedSrc);
  if (!destStat) {
    import_node_fs11.default.symlinkSync(resolvedSrc, dest);
    return;
  }
  let resolvedDest;
  try {
    resolvedDest = import_node_fs11.default.readlinkSync(dest);
  } catch (err) {
    const code = err.code;
    if (code === "EINVAL" || code === "UNKNOWN") {
      import_node_fs11.default.symlinkSync(resolvedSrc, dest);
      return;
    }
    throw err;
  }
  if (!import_node_path8.default.isAbsolute(resolvedDest)) resolvedDest = import_node_path8.default.resolve(import_node_path8.default.dirname(dest), resolvedDest);
  if (opts.viaCpp && resolvedSrc === resolvedDest && !import_node_fs11.default.statSync(dest, { throwIfNoEntry: false })?.isDirectory()) {
    import_node_fs11.default.unlinkSync(dest);
    import_node_fs11.default.symlinkSync(resolvedSrc, dest);
    return;
  }
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    throw cpError("ERR_FS_CP_EINVAL", "Invalid src or dest", `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest, EINVAL, "EINVAL");
  }
  if (import_node_fs11.default.statSync(dest).isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw cpError("ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY", "Cannot overwrite symlink in subdirectory of self", `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, EINVAL, "EINVAL");
  }
  import_node_fs11.default.unlinkSync(dest);
  import_node_fs11.default.symlinkSync(resolvedSrc, dest);
}
function* copyEntry(destStat, src, dest, opts) {
  const srcStat = statFor(opts, src, true);
  if (srcStat.isDirectory()) {
    if (!opts.recursive) {
      throw systemError("ERR_FS_EISDIR", "Path is a directory", { message: `${src} is a directory (not copied)`, path: src, syscall: "cp", errno: EINVAL, code: "EISDIR" });
    }
    if (!destStat) import_node_fs11.default.mkdirSync(dest);
    for (const name of import_node_fs11.default.readdirSync(src)) {
      const srcItem = import_node_path8.default.join(src, name);
      const destItem = import_node_path8.default.join(dest, name);
      const checked = yield* checkPaths(srcItem, destItem, opts);
      if (!checked.skipped) yield* copyEntry(checked.destStat, srcItem, destItem, opts);
    }
    if (!destStat) import_node_fs11.default.chmodSync(dest, Number(srcStat.mode));
  } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    if (!destStat) copyOneFile(srcStat, src, dest, opts);
    else if (opts.force) {
      import_node_fs11.default.unlinkSync(dest);
      copyOneFile(srcStat, src, dest, opts);
    } else if (opts.errorOnExist) {
      throw cpError("ERR_FS_CP_EEXIST", "Target already exists", `${dest} already exists`, dest, EEXIST, "EEXIST");
    }
  } else if (srcStat.isSymbolicLink()) {
    copyLinkEntry(destStat, src, dest, opts);
  } else if (srcStat.isSocket()) {
    throw cpError("ERR_FS_CP_SOCKET", "Cannot copy a socket file", `cannot copy a socket file: ${dest}`, dest, EINVAL, "EINVAL");
  } else if (srcStat.isFIFO()) {
    throw cpError("ERR_FS_CP_FIFO_PIPE", "Cannot copy a FIFO pipe", `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL, "EINVAL");
  } else {
    throw cpError("ERR_FS_CP_UNKNOWN", "Cannot copy an unknown file type", `cannot copy an unknown file type: ${dest}`, dest, EINVAL, "EINVAL");
  }
}
function* copyTree(src, dest, opts, childFilter = opts.filter) {
  const checked = yield* checkPaths(src, dest, opts);
  if (checked.skipped) return;
  checkParentPaths(src, checked.srcStat, dest);
  const destParent = import_node_path8.default.dirname(dest);
  if (!import_node_fs11.default.existsSync(destParent)) import_node_fs11.default.mkdirSync(destParent, { recursive: true });
  yield* copyEntry(checked.destStat, src, dest, { ...opts, filter: childFilter });
}
function cppError(code, message) {
  const err = new Error(message);
  err.code = code;
  return err;
}
function cppCheckPaths(src, dest, opts) {
  const srcStat = statFor(opts, src, true);
  const destStat = statFor(opts, dest, false);
  const srcIsDir = srcStat.isDirectory();
  if (destStat) {
    if (areIdentical(srcStat, destStat)) throw cppError("ERR_FS_CP_EINVAL", `src and dest cannot be the same ${dest}`);
    if (srcIsDir && !destStat.isDirectory()) throw cppError("ERR_FS_CP_DIR_TO_NON_DIR", `Cannot overwrite non-directory ${dest} with directory ${src}`);
    if (!srcIsDir && destStat.isDirectory()) throw cppError("ERR_FS_CP_NON_DIR_TO_DIR", `Cannot overwrite directory ${dest} with non-directory ${src}`);
  }
  const srcWithSlash = src.endsWith("/") ? src : `${src}/`;
  if (srcIsDir && (isSrcSubdir(src, dest) || isSrcSubdir(realpathOf(src), realpathOfNearest(dest)))) {
    throw cppError("ERR_FS_CP_EINVAL", `Cannot copy ${srcWithSlash} to a subdirectory of self ${dest}`);
  }
  if (srcIsDir && !opts.recursive) throw cppError("ERR_FS_EISDIR", `Recursive option not enabled, cannot copy a directory: ${srcWithSlash}`);
}
function realpathOf(p2) {
  return import_node_fs11.default.realpathSync(p2);
}
function realpathOfNearest(p2) {
  const rest = [];
  let current = import_node_path8.default.resolve(p2);
  for (; ; ) {
    try {
      return import_node_path8.default.join(import_node_fs11.default.realpathSync(current), ...rest.reverse());
    } catch {
      const parent = import_node_path8.default.dirname(current);
      if (parent === current) return import_node_path8.default.resolve(p2);
      rest.push(import_node_path8.default.basename(current));
      current = parent;
    }
  }
}
function* copyTreeAfterCppChecks(src, dest, opts) {
  if (opts.filter) {
    const keep = yield opts.filter(src, dest);
    if (!keep) return;
  }
  cppCheckPaths(src, dest, opts);
  yield* copyTree(src, dest, { ...opts, filter: void 0, viaCpp: true }, opts.filter);
}
function invalidReturnValue(value) {
  return nodeError(TypeError, "ERR_INVALID_RETURN_VALUE", `Expected boolean to be returned from the "filter" function but got ${determineSpecificType(value)}.`);
}
function runSync(step) {
  let next = step.next();
  while (!next.done) {
    const answer = next.value;
    if (answer instanceof Promise) throw invalidReturnValue(answer);
    next = step.next(answer);
  }
}
async function runAsync(step) {
  let next = step.next();
  while (!next.done) next = step.next(await next.value);
}
function cpArgs(src, dest, options) {
  const opts = validateCpOptions(options);
  return [pathString(getValidatedPath(src, "src")), pathString(getValidatedPath(dest, "dest")), opts];
}
function cpSync(src, dest, options) {
  const [s2, d, opts] = cpArgs(src, dest, options);
  runSync(nodeMajor8 >= 22 ? copyTreeAfterCppChecks(s2, d, opts) : copyTree(s2, d, opts));
}
function cp(args) {
  let [src, dest, options, callback] = args;
  if (typeof options === "function") {
    callback = options;
    options = void 0;
  }
  callback = makeCallback(callback);
  const [s2, d, opts] = cpArgs(src, dest, options);
  return {
    callback,
    run: () => runAsync(copyTree(s2, d, opts)).then(() => [void 0])
  };
}
async function cpPromise(src, dest, options) {
  const [s2, d, opts] = cpArgs(src, dest, options);
  await runAsync(copyTree(s2, d, opts));
}

// src/node/filehandle.ts
var import_node_buffer5 = require("node:buffer");
var import_node_module = require("node:module");
function loadStream() {
  const get = process.getBuiltinModule;
  return get ? get("node:stream") : (0, import_node_module.createRequire)(process.execPath)("node:stream");
}
var nodeMajor9 = Number(process.versions.node.split(".")[0]);
var FileHandle;
async function fileHandleClass() {
  if (FileHandle) return FileHandle;
  const open2 = context.originals["promises.open"];
  const handle = await open2("/dev/null", "r");
  FileHandle = handle.constructor;
  await handle.close();
  return FileHandle;
}
function closedError(syscall) {
  const err = new Error("file closed");
  err.code = "EBADF";
  err.syscall = syscall;
  return err;
}
function fdOf(handle, syscall) {
  if (handle.fd === -1) throw closedError(syscall);
  return handle.fd;
}
function readOnHandle(fd, bufferOrParams, offset, length, position) {
  let buffer = bufferOrParams;
  if (!ArrayBuffer.isView(buffer)) {
    if (bufferOrParams !== void 0) validateObject(bufferOrParams, "options", true);
    const o = bufferOrParams ?? {};
    buffer = o.buffer === void 0 ? import_node_buffer5.Buffer.alloc(16384) : o.buffer;
    offset = o.offset === void 0 ? 0 : o.offset;
    length = o.length === void 0 ? buffer.byteLength - offset : o.length;
    position = o.position === void 0 ? null : o.position;
    validateBuffer(buffer);
  }
  if (offset !== null && typeof offset === "object") {
    const o = offset;
    offset = o.offset === void 0 ? 0 : o.offset;
    length = o.length === void 0 ? buffer.byteLength - offset : o.length;
    position = o.position === void 0 ? null : o.position;
  }
  if (offset == null) offset = 0;
  else validateInteger(offset, "offset", 0);
  length ??= buffer.byteLength - offset;
  if (length === 0) return { bytesRead: length, buffer };
  if (buffer.byteLength === 0) throw invalidArgValue("buffer", buffer, "is empty and cannot be written");
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position != null) validatePosition(position, "position", length);
  const big = typeof position === "bigint" ? position > 2n ** 53n - 1n ? 2n ** 53n - 1n : position : position;
  const pos = big == null ? null : Number(big);
  const bytesRead = context.engine.read(fd, bytesOf(buffer), offset, length, pos === null || pos < 0 ? null : pos);
  return { bytesRead, buffer };
}
function writeDataToFd(fd, data) {
  let offset = 0;
  while (offset < data.byteLength) offset += context.engine.write(fd, data, offset, data.byteLength - offset, null);
  noteWrite(fd, offset);
}
function overrides(handle) {
  const methods = {
    async read(bufferOrParams, offset, length, position) {
      return readOnHandle(fdOf(handle, "read"), bufferOrParams, offset, length, position);
    },
    async readv(buffers, position) {
      const bytesRead = readvSync(fdOf(handle, "readv"), buffers, position);
      return { bytesRead, buffers };
    },
    async write(buffer, offsetOrOptions, length, position) {
      const fd = fdOf(handle, "write");
      if (ArrayBuffer.isView(buffer) && buffer.byteLength === 0) return { bytesWritten: 0, buffer };
      let bytesWritten;
      if (ArrayBuffer.isView(buffer) && offsetOrOptions !== null && typeof offsetOrOptions === "object") {
        const o = offsetOrOptions;
        bytesWritten = writeSync(fd, buffer, o.offset ?? 0, o.length ?? buffer.byteLength - (o.offset ?? 0), o.position ?? null);
      } else bytesWritten = writeSync(fd, buffer, offsetOrOptions, length, position);
      return { bytesWritten, buffer };
    },
    async writev(buffers, position) {
      const bytesWritten = writevSync(fdOf(handle, "writev"), buffers, position);
      return { bytesWritten, buffers };
    },
    async readFile(options) {
      const o = getOptions(options, { flag: "r" });
      checkAborted(o.signal);
      const data = await afterATurn(o.signal, () => readAllFromFd(fdOf(handle, "read")));
      return o.encoding && o.encoding !== "buffer" ? data.toString(o.encoding) : data;
    },
    async writeFile(data, options) {
      const o = getOptions(options, { encoding: "utf8" });
      checkAborted(o.signal);
      await afterATurn(o.signal, () => void 0);
      const fd = fdOf(handle, "write");
      if (ArrayBuffer.isView(data)) writeDataToFd(fd, bytesOf(data));
      else if (typeof data === "string") writeDataToFd(fd, import_node_buffer5.Buffer.from(data, o.encoding || "utf8"));
      else if (data == null || typeof data !== "object" || !(Symbol.iterator in data || Symbol.asyncIterator in data)) {
        throw invalidArgType("data", ["string", "Buffer", "TypedArray", "DataView"], data);
      } else {
        for await (const chunk of data) {
          if (typeof chunk === "string") writeDataToFd(fd, import_node_buffer5.Buffer.from(chunk, o.encoding || "utf8"));
          else if (ArrayBuffer.isView(chunk)) writeDataToFd(fd, bytesOf(chunk));
          else throw invalidArgType("data", ["string", "Buffer", "TypedArray", "DataView"], chunk);
        }
      }
    },
    async appendFile(data, options) {
      return methods.writeFile(data, options);
    },
    async stat(options) {
      return toStats(context.engine.fstat(fdOf(handle, "fstat")), Boolean(options?.bigint));
    },
    async truncate(len = 0) {
      validateInteger(len, "len");
      context.engine.ftruncate(fdOf(handle, "ftruncate"), Math.max(0, len));
    },
    async sync() {
      context.engine.fsync(fdOf(handle, "fsync"));
    },
    async datasync() {
      context.engine.fdatasync(fdOf(handle, "fdatasync"));
    },
    async chmod(mode) {
      const m = parseFileMode(mode, "mode");
      context.engine.fchmod(fdOf(handle, "fchmod"), m);
    },
    async chown(uid, gid) {
      validateIds(uid, gid);
      context.engine.fchown(fdOf(handle, "fchown"), uid, gid);
    },
    async utimes(atime, mtime) {
      const a = secondsToNs(toUnixTimestamp(atime, "atime"));
      const m = secondsToNs(toUnixTimestamp(mtime, "mtime"));
      context.engine.futimes(fdOf(handle, "futimes"), a, m);
    }
  };
  return methods;
}
async function openFileHandle(path13, flags, mode) {
  const p2 = validatedPathString(path13);
  const flagsNumber = stringToFlags(flags);
  const m = parseFileMode(mode, "mode", 438);
  const Handle = await fileHandleClass();
  const fd = openTracked(p2, flagsNumber, m);
  const native = {
    fd,
    getAsyncId: () => -1,
    close: () => {
      try {
        context.engine.close(fd);
        noteClose(fd);
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(err);
      }
    },
    closeSync: () => {
      context.engine.close(fd);
      noteClose(fd);
    },
    releaseFD: () => fd
  };
  const handle = new Handle(native);
  for (const [name, fn] of Object.entries(overrides(handle))) {
    Object.defineProperty(handle, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
  if (nodeMajor9 < 22) {
    Object.defineProperty(handle, "readableWebStream", {
      value() {
        if (this.fd === -1) throw withFrames(nodeError(Error, "ERR_INVALID_STATE", "Invalid state: The FileHandle is closed"), handle.readableWebStream);
        return loadStream().Readable.toWeb(this.createReadStream());
      },
      writable: true,
      configurable: true,
      enumerable: false
    });
  }
  return handle;
}

// src/node/members.ts
var byPath = (first) => ownsPath(first);
var byFd = (first) => ownsFd(first);
var byPathOrFd = (first) => typeof first === "number" ? ownsFd(first) : ownsPath(first);
var bySecondPath = (_first, second) => ownsPath(second);
var byEitherPath = (first, second) => ownsPath(first) || ownsPath(second);
var byPathOrHandle = (first) => isOurFileHandle(first) || ownsPath(first);
var s = (owns, impl) => ({ face: "sync", owns, impl });
var c = (owns, impl) => ({ face: "callback", owns, impl });
var p = (owns, impl) => ({ face: "promise", owns, impl });
var routedFs = {
  access: c(byPath, access),
  accessSync: s(byPath, accessSync),
  existsSync: s(byPath, existsSync),
  stat: c(byPath, stat),
  statSync: s(byPath, statSync2),
  lstat: c(byPath, lstat),
  lstatSync: s(byPath, lstatSync2),
  fstat: c(byFd, fstat),
  statfs: c(byPath, statfs),
  statfsSync: s(byPath, statfsSync),
  fstatSync: s(byFd, fstatSync2),
  open: c(byPath, open),
  openSync: s(byPath, openSync2),
  close: c(byFd, close),
  closeSync: s(byFd, closeSync2),
  read: c(byFd, read),
  readSync: s(byFd, readSync2),
  readv: c(byFd, readv),
  readvSync: s(byFd, readvSync),
  write: c(byFd, write),
  writeSync: s(byFd, writeSync),
  writev: c(byFd, writev),
  writevSync: s(byFd, writevSync),
  fsync: c(byFd, fsync),
  fsyncSync: s(byFd, fsyncSync),
  fdatasync: c(byFd, fdatasync),
  fdatasyncSync: s(byFd, fdatasyncSync),
  ftruncate: c(byFd, ftruncate),
  ftruncateSync: s(byFd, ftruncateSync),
  fchmod: c(byFd, fchmod),
  fchmodSync: s(byFd, fchmodSync),
  fchown: c(byFd, fchown),
  fchownSync: s(byFd, fchownSync),
  futimes: c(byFd, futimes),
  futimesSync: s(byFd, futimesSync),
  readFile: c(byPathOrFd, readFile),
  readFileSync: s(byPathOrFd, readFileSync),
  writeFile: c(byPathOrFd, writeFile),
  writeFileSync: s(byPathOrFd, writeFileSync),
  appendFile: c(byPathOrFd, appendFile),
  appendFileSync: s(byPathOrFd, appendFileSync),
  truncate: c(byPathOrFd, truncate),
  truncateSync: s(byPathOrFd, truncateSync),
  copyFile: c(byEitherPath, copyFile),
  copyFileSync: s(byEitherPath, copyFileSync),
  openAsBlob: s(byPath, openAsBlob),
  openAsBlobSync: s(byPath, openAsBlobSync),
  mkdir: c(byPath, mkdir),
  mkdirSync: s(byPath, mkdirSync),
  mkdtemp: c(byPath, mkdtemp),
  mkdtempSync: s(byPath, mkdtempSync),
  mkdtempDisposableSync: s(byPath, mkdtempDisposableSync),
  readdir: c(byPath, readdir),
  readdirSync: s(byPath, readdirSync2),
  rmdir: c(byPath, rmdir),
  rmdirSync: s(byPath, rmdirSync),
  rm: c(byPath, rm),
  rmSync: s(byPath, rmSync),
  opendir: c(byPath, opendir),
  opendirSync: s(byPath, opendirSync),
  cp: c(byEitherPath, cp),
  cpSync: s(byEitherPath, cpSync),
  rename: c(byEitherPath, rename),
  renameSync: s(byEitherPath, renameSync),
  link: c(byEitherPath, link),
  linkSync: s(byEitherPath, linkSync),
  symlink: c(bySecondPath, symlink),
  symlinkSync: s(bySecondPath, symlinkSync),
  readlink: c(byPath, readlink),
  readlinkSync: s(byPath, readlinkSync2),
  realpath: c(byPath, realpath),
  realpathSync: s(byPath, realpathSync2),
  unlink: c(byPath, unlink),
  unlinkSync: s(byPath, unlinkSync),
  chmod: c(byPath, chmod),
  chmodSync: s(byPath, chmodSync),
  chown: c(byPath, chown),
  chownSync: s(byPath, chownSync),
  lchown: c(byPath, lchown),
  lchownSync: s(byPath, lchownSync),
  utimes: c(byPath, utimes),
  utimesSync: s(byPath, utimesSync),
  lutimes: c(byPath, lutimes),
  lutimesSync: s(byPath, lutimesSync),
  watch: s(byPath, watch),
  watchFile: s(byPath, watchFile),
  unwatchFile: s(byPath, unwatchFile)
};
var routedNative = {
  realpath: c(byPath, realpathNative2),
  realpathSync: s(byPath, realpathSyncNative)
};
var routedPromises = {
  access: p(byPath, accessPromise),
  stat: p(byPath, statPromise),
  lstat: p(byPath, lstatPromise),
  statfs: p(byPath, statfsPromise),
  open: p(byPath, openFileHandle),
  readFile: p(byPathOrHandle, readFilePromise),
  writeFile: p(byPathOrHandle, writeFilePromise),
  appendFile: p(byPathOrHandle, appendFilePromise),
  truncate: p(byPath, truncatePromise),
  copyFile: p(byEitherPath, copyFilePromise),
  mkdir: p(byPath, mkdirPromise),
  mkdtemp: p(byPath, mkdtempPromise),
  mkdtempDisposable: p(byPath, mkdtempDisposablePromise),
  readdir: p(byPath, readdirPromise),
  rmdir: p(byPath, rmdirPromise),
  rm: p(byPath, rmPromise),
  opendir: p(byPath, opendirPromise),
  cp: p(byEitherPath, cpPromise),
  rename: p(byEitherPath, renamePromise),
  link: p(byEitherPath, linkPromise),
  symlink: p(bySecondPath, symlinkPromise),
  readlink: p(byPath, readlinkPromise),
  realpath: p(byPath, realpathPromise),
  unlink: p(byPath, unlinkPromise),
  chmod: p(byPath, chmodPromise),
  chown: p(byPath, chownPromise),
  lchown: p(byPath, lchownPromise),
  utimes: p(byPath, utimesPromise),
  lutimes: p(byPath, lutimesPromise),
  watch: { face: "sync", owns: byPath, impl: watchPromise }
};

// src/node/install.ts
var installedMark = /* @__PURE__ */ Symbol.for("memfs-action.node.installed");
function copyOwnProperties(from, to) {
  for (const key of Reflect.ownKeys(from)) {
    if (key === "prototype") continue;
    const descriptor = Object.getOwnPropertyDescriptor(from, key);
    Object.defineProperty(to, key, descriptor);
  }
}
var changes = {
  writeFile: [["change", 0, "modify"]],
  appendFile: [["change", 0, "modify"]],
  truncate: [["change", 0, "modify"]],
  copyFile: [["change", 1, "modify"]],
  cp: [["rename", 1, "create"]],
  mkdir: [["rename", 0, "create"]],
  rmdir: [["rename", 0, "delete"]],
  rm: [["rename", 0, "delete"]],
  unlink: [["rename", 0, "delete"]],
  rename: [["rename", 0, "moved_from"], ["rename", 1, "moved_to"]],
  link: [["rename", 1, "create"]],
  symlink: [["rename", 1, "create"]],
  chmod: [["change", 0, "attrib"]],
  chown: [["change", 0, "attrib"]],
  lchown: [["change", 0, "attrib"]],
  utimes: [["change", 0, "attrib"]],
  lutimes: [["change", 0, "attrib"]]
};
function changeNotes(name) {
  const base = name.replace(/Sync$/, "");
  const list = changes[base];
  if (!list) return void 0;
  const writesData = base === "writeFile" || base === "appendFile";
  return (args, existedBefore) => {
    if (existedBefore === void 0) return;
    list.forEach(([event, index, cause], i) => {
      const arg = args[index];
      if (typeof arg !== "string") return;
      const abs = import_node_path9.default.resolve(arg);
      if (event === "change" && !existedBefore[i]) notifyChange("rename", abs, "create");
      const data = args[1];
      if (writesData && data != null && data.length === 0) return;
      notifyChange(event, abs, cause);
    });
  };
}
function existence(name, args) {
  if (!isWatched()) return void 0;
  const list = changes[name.replace(/Sync$/, "")] ?? [];
  return list.map(([, index]) => typeof args[index] === "string" && context.engine.exists(args[index]));
}
function withNotes(name, member) {
  const notes = changeNotes(name);
  if (!notes) return member;
  if (member.face === "callback") {
    const prepare = member.impl;
    return {
      ...member,
      impl: (args) => {
        const job = prepare(args);
        return {
          callback: job.callback,
          run: () => {
            const before = existence(name, args);
            const results = job.run();
            if (results instanceof Promise) return results.then((r) => (notes(args, before), r));
            notes(args, before);
            return results;
          }
        };
      }
    };
  }
  const impl = member.impl;
  return {
    ...member,
    impl: (...args) => {
      const before = existence(name, args);
      const result = impl(...args);
      if (result instanceof Promise) return result.then((r) => (notes(args, before), r));
      notes(args, before);
      return result;
    }
  };
}
function buildFace(name, original, member) {
  const routed = withNotes(name, member);
  switch (routed.face) {
    case "sync":
      return syncFace(name, original, routed.owns, routed.impl);
    case "callback":
      return callbackFace(name, original, routed.owns, routed.impl);
    case "promise":
      return promiseFace(name, original, routed.owns, routed.impl);
  }
}
function currentValue(target, key) {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) return void 0;
  const value = "value" in descriptor ? descriptor.value : descriptor.get?.call(target);
  return typeof value === "function" ? value : void 0;
}
function patchMember(target, key, member, originalKey) {
  const original = currentValue(target, key);
  if (!original) return void 0;
  context.originals[originalKey] = original;
  const face = buildFace(key, original, member);
  copyOwnProperties(original, face);
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value: face, writable: true, enumerable: descriptor.enumerable ?? true, configurable: true });
  return face;
}
function installFs(engine, router) {
  const marked = import_node_fs12.default;
  if (marked[installedMark]) return;
  Object.defineProperty(import_node_fs12.default, installedMark, { value: true, enumerable: false });
  context.engine = engine;
  context.router = router;
  const fsp = import_node_fs12.default.promises;
  for (const key of Object.keys(routedPromises)) {
    const original = currentValue(fsp, key);
    if (original) context.originals[`promises.${key}`] = original;
  }
  for (const [key, member] of Object.entries(routedFs)) {
    const face = patchMember(import_node_fs12.default, key, member, key);
    if (face && key in routedNative) {
      const nativeOriginal = context.originals[key].native;
      if (nativeOriginal) {
        const nativeMember = routedNative[key];
        const nativeFace = buildFace(key, nativeOriginal, nativeMember);
        copyOwnProperties(nativeOriginal, nativeFace);
        Object.defineProperty(face, "native", { value: nativeFace, writable: true, enumerable: true, configurable: true });
      }
    }
  }
  for (const [key, member] of Object.entries(routedPromises)) patchMember(fsp, key, member, `promises.${key}`);
  (0, import_node_module2.syncBuiltinESMExports)();
}

// src/node/modules.ts
var import_node_module3 = require("node:module");
var import_node_path10 = require("node:path");
var import_node_url3 = require("node:url");
var S_IFMT3 = 61440;
var S_IFREG2 = 32768;
var S_IFDIR3 = 16384;
var ModuleInternals = import_node_module3.Module;
function installModuleLoading(engine, router) {
  const lookup = new OverlayLookup(engine, router);
  installStat(lookup);
  if (typeof ModuleInternals.registerHooks !== "function") return "require";
  installHooks(ModuleInternals.registerHooks, lookup);
  return "require-and-import";
}
var OverlayLookup = class {
  constructor(engine, router) {
    this.engine = engine;
    this.router = router;
  }
  engine;
  router;
  kind(file) {
    if (!this.router.owns(file)) return void 0;
    return kindOf2(this.engine.tryStat(file, true));
  }
  isDeleted(file) {
    return this.router.owns(file) && this.engine.tryStat(file, true) === void 0;
  }
  /** CommonJS rules: the file, the file with each registered extension, a directory's package main, its index. */
  findForRequire(target, directoryOnly) {
    if (!directoryOnly) {
      const file = this.fileWithExtensions(target);
      if (file !== void 0) return file;
    }
    if (this.kind(target) !== "directory") return void 0;
    const main2 = this.packageJson(target)?.main;
    if (typeof main2 === "string" && main2 !== "") {
      const mainPath = (0, import_node_path10.resolve)(target, main2);
      const found = this.fileWithExtensions(mainPath) ?? this.index(mainPath);
      if (found !== void 0) return found;
    }
    return this.index(target);
  }
  /** The nearest package.json "type" from the file's folder up, through the overlay while the folders are its own. */
  packageType(file) {
    for (let dir = (0, import_node_path10.dirname)(file); ; dir = (0, import_node_path10.dirname)(dir)) {
      if (!this.router.owns(dir)) return void 0;
      const pkg = this.packageJson(dir);
      if (pkg !== void 0) return typeof pkg.type === "string" ? pkg.type : void 0;
      if ((0, import_node_path10.dirname)(dir) === dir) return void 0;
    }
  }
  fileWithExtensions(base) {
    if (this.kind(base) === "file") return base;
    for (const ext of requireExtensions()) if (this.kind(base + ext) === "file") return base + ext;
    return void 0;
  }
  index(dir) {
    for (const ext of requireExtensions()) {
      const file = (0, import_node_path10.join)(dir, `index${ext}`);
      if (this.kind(file) === "file") return file;
    }
    return void 0;
  }
  packageJson(dir) {
    const file = (0, import_node_path10.join)(dir, "package.json");
    if (this.kind(file) !== "file") return void 0;
    try {
      const parsed = JSON.parse(this.engine.readFile(file).toString("utf8"));
      return typeof parsed === "object" && parsed !== null ? parsed : void 0;
    } catch {
      return void 0;
    }
  }
};
function kindOf2(stat2) {
  if (stat2 === void 0) return void 0;
  const type = stat2.mode & S_IFMT3;
  return type === S_IFREG2 ? "file" : type === S_IFDIR3 ? "directory" : void 0;
}
function requireExtensions() {
  return Object.keys(ModuleInternals._extensions).filter((ext) => ext !== ".node");
}
function isRelative(specifier) {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");
}
function isNotFound(error) {
  const code = error?.code;
  return code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND" || code === "ERR_UNSUPPORTED_DIR_IMPORT";
}
function installHooks(registerHooks, lookup) {
  const resolvedFromOverlay = /* @__PURE__ */ new Map();
  const resolveHook = (specifier, context2, nextResolve) => {
    const forRequire = context2.conditions?.includes("require") ?? false;
    let resolved;
    try {
      resolved = nextResolve(specifier, context2);
    } catch (error) {
      const missing = error?.code === "ENOENT" ? error.path : void 0;
      if (missing !== void 0 && lookup.isDeleted(missing)) {
        throw moduleNotFound(specifier, context2.parentURL, missing, forRequire);
      }
      if (!isNotFound(error)) throw error;
      const found = resolveInOverlay(lookup, specifier, context2.parentURL, forRequire);
      if (found === void 0) throw error;
      const url = (0, import_node_url3.pathToFileURL)(found).href;
      resolvedFromOverlay.set(url, forRequire);
      return { url, format: formatOf(lookup, found, forRequire), shortCircuit: true };
    }
    if (resolved.url.startsWith("file:")) {
      const file = (0, import_node_url3.fileURLToPath)(resolved.url);
      if (lookup.isDeleted(file)) throw moduleNotFound(specifier, context2.parentURL, file, forRequire);
    }
    return resolved;
  };
  const loadHook = (url, context2, nextLoad) => {
    const forRequire = resolvedFromOverlay.get(url);
    if (forRequire === void 0) return nextLoad(url, context2);
    const file = (0, import_node_url3.fileURLToPath)(url);
    const format = formatOf(lookup, file, forRequire);
    if (format === void 0) return nextLoad(url, context2);
    return { format, source: lookup.engine.readFile(file), shortCircuit: true };
  };
  registerHooks({ resolve: resolveHook, load: loadHook });
}
function resolveInOverlay(lookup, specifier, parentURL, forRequire) {
  let target;
  if (specifier.startsWith("file:")) {
    try {
      target = (0, import_node_url3.fileURLToPath)(specifier.replace(/[?#].*$/, ""));
    } catch {
      return void 0;
    }
  } else if ((0, import_node_path10.isAbsolute)(specifier)) {
    target = specifier;
  } else if (isRelative(specifier)) {
    const parentDir = parentURL?.startsWith("file:") ? (0, import_node_path10.dirname)((0, import_node_url3.fileURLToPath)(parentURL)) : process.cwd();
    target = (0, import_node_path10.resolve)(parentDir, specifier);
  } else {
    return void 0;
  }
  const found = forRequire ? lookup.findForRequire(target, specifier.endsWith("/")) : lookup.kind(target) === "file" ? target : void 0;
  return found === void 0 ? void 0 : lookup.engine.realpath(found);
}
function formatOf(lookup, file, forRequire) {
  switch ((0, import_node_path10.extname)(file)) {
    case ".mjs":
      return "module";
    case ".cjs":
      return "commonjs";
    case ".json":
      return "json";
    case ".wasm":
      return "wasm";
    case ".js":
    case "": {
      const type = lookup.packageType(file);
      if (type === "module" || type === "commonjs") return type;
      if (forRequire) return void 0;
      return parsesAsCommonJs(lookup.engine.readFile(file).toString("utf8")) ? "commonjs" : "module";
    }
    default:
      return forRequire ? "commonjs" : void 0;
  }
}
function parsesAsCommonJs(source) {
  const get = process.getBuiltinModule;
  const { compileFunction } = get ? get("node:vm") : import_node_module3.Module.createRequire(process.execPath)("node:vm");
  try {
    compileFunction(source, ["exports", "require", "module", "__filename", "__dirname"]);
    return true;
  } catch {
    return false;
  }
}
function moduleNotFound(specifier, parentURL, file, forRequire) {
  const parent = parentURL?.startsWith("file:") ? (0, import_node_url3.fileURLToPath)(parentURL) : parentURL;
  if (forRequire) {
    const error2 = new Error(`Cannot find module '${specifier}'${parent ? `
Require stack:
- ${parent}` : ""}`);
    return Object.assign(error2, { code: "MODULE_NOT_FOUND", requireStack: parent ? [parent] : [] });
  }
  const error = new Error(`Cannot find module '${file}'${parent ? ` imported from ${parent}` : ""}`);
  return Object.assign(error, { code: "ERR_MODULE_NOT_FOUND", url: (0, import_node_url3.pathToFileURL)(file).href });
}
function installStat(lookup) {
  const diskStat = ModuleInternals._stat;
  if (typeof diskStat !== "function") return;
  const overlayStat = (filename) => {
    if (!lookup.router.owns(filename)) return diskStat(filename);
    const kind = kindOf2(lookup.engine.tryStat(filename, true));
    return kind === "file" ? 0 : kind === "directory" ? 1 : -2;
  };
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {
  };
  try {
    ModuleInternals._stat = overlayStat;
  } finally {
    process.emitWarning = emitWarning;
  }
  const resolveFilename = ModuleInternals._resolveFilename;
  ModuleInternals._resolveFilename = function(request, parent, isMain, options) {
    try {
      return resolveFilename.call(this, request, parent, isMain, options);
    } catch (error) {
      if (!isNotFound(error) || !(isRelative(request) || (0, import_node_path10.isAbsolute)(request))) throw error;
      const parentFile = parent?.filename;
      const base = typeof parentFile === "string" ? (0, import_node_path10.dirname)(parentFile) : process.cwd();
      const found = lookup.findForRequire((0, import_node_path10.resolve)(base, request), request.endsWith("/"));
      if (found === void 0) throw error;
      return lookup.engine.realpath(found);
    }
  };
}

// src/changes/journal.ts
var import_node_path12 = __toESM(require("node:path"), 1);

// src/changes/original-fs.ts
var import_node_fs13 = __toESM(require("node:fs"), 1);
var originalFs = Object.freeze({
  openSync: import_node_fs13.default.openSync,
  closeSync: import_node_fs13.default.closeSync,
  writevSync: import_node_fs13.default.writevSync,
  writeSync: import_node_fs13.default.writeSync,
  readFileSync: import_node_fs13.default.readFileSync,
  readdirSync: import_node_fs13.default.readdirSync,
  renameSync: import_node_fs13.default.renameSync,
  unlinkSync: import_node_fs13.default.unlinkSync,
  fstatSync: import_node_fs13.default.fstatSync,
  mkdirSync: import_node_fs13.default.mkdirSync,
  existsSync: import_node_fs13.default.existsSync
});

// src/changes/record.ts
var frameHeadBytes = 8;
var scratch = Buffer.allocUnsafe(64 * 1024);
var inlineDataBytes = 16 * 1024;
function encodeFrame(record, data) {
  const json = record.k === "content" ? contentJson(record) : JSON.stringify(record);
  const dataLength = data?.length ?? 0;
  if (frameHeadBytes + json.length * 3 + (dataLength <= inlineDataBytes ? dataLength : 0) <= scratch.length) {
    const headerLength = scratch.write(json, frameHeadBytes, "utf8");
    scratch.writeUInt32LE(headerLength, 0);
    scratch.writeUInt32LE(dataLength, 4);
    const end = frameHeadBytes + headerLength;
    if (data && dataLength <= inlineDataBytes) {
      scratch.set(data, end);
      return [scratch.subarray(0, end + dataLength)];
    }
    const head2 = scratch.subarray(0, end);
    return dataLength > 0 ? [head2, data] : [head2];
  }
  const header = Buffer.from(json, "utf8");
  const head = Buffer.allocUnsafe(frameHeadBytes + header.length);
  header.copy(head, frameHeadBytes);
  head.writeUInt32LE(header.length, 0);
  head.writeUInt32LE(dataLength, 4);
  return dataLength > 0 ? [head, data] : [head];
}
function contentJson(r) {
  let json = `{"k":"content","t":"${r.t}","path":${JSON.stringify(r.path)},"ino":${r.ino},"mode":${r.mode},"uid":${r.uid},"gid":${r.gid},"size":${r.size},"atimeNs":"${r.atimeNs}","mtimeNs":"${r.mtimeNs}"`;
  if (r.tf !== void 0) json += `,"tf":${JSON.stringify(r.tf)}`;
  if (r.sup !== void 0) json += `,"sup":${r.sup}`;
  if (r.at !== void 0) json += `,"at":${r.at}`;
  return `${json}}`;
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
      record = JSON.parse(bytes.toString("utf8", at + frameHeadBytes, at + frameHeadBytes + headerLength));
    } catch {
      break;
    }
    const frame = { record };
    if (dataLength > 0 || record.k === "content") {
      frame.data = bytes.subarray(at + frameHeadBytes + headerLength, end);
    }
    frames.push(frame);
    at = end;
  }
  return { frames, tornBytes: bytes.length - at };
}

// src/changes/spool.ts
var import_node_path11 = __toESM(require("node:path"), 1);
var journalSuffix = ".journal";
function journalFileName(pid, threadId) {
  const random = Math.floor(Math.random() * 4294967296).toString(16).padStart(8, "0");
  return `${pid}-${threadId}-${random}${journalSuffix}`;
}
function journalFiles(spoolDir) {
  let names;
  try {
    names = originalFs.readdirSync(spoolDir);
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  return names.filter((name) => name.endsWith(journalSuffix)).sort().map((name) => import_node_path11.default.join(spoolDir, name));
}

// src/changes/read-journals.ts
function readSpool(spoolDir, o = {}) {
  const journals = [];
  const changes2 = [];
  const unreadable = [];
  for (const file of journalFiles(spoolDir)) {
    if (file === o.skip) continue;
    let bytes;
    try {
      bytes = originalFs.readFileSync(file);
    } catch (error) {
      unreadable.push({ file, detail: error.message });
      continue;
    }
    const decoded = decodeFrames(bytes);
    const { journal, changes: own } = readJournal(file, decoded.frames, decoded.tornBytes);
    journals.push(journal);
    changes2.push(...own);
  }
  changes2.sort((a, b) => a.time < b.time ? -1 : a.time > b.time ? 1 : 0);
  return { journals, changes: changes2, unreadable };
}
function materialize(link2) {
  const chain = [];
  let current = link2;
  while (current && current.full === void 0) {
    chain.push(current);
    current = current.base;
  }
  let parts = current?.full ? [current.full] : [];
  let length = current?.full?.length ?? 0;
  for (let i = chain.length - 1; i >= 0; i--) {
    const step = chain[i];
    const at = step.at ?? 0;
    if (at < length) {
      parts = [Buffer.concat(parts, length).subarray(0, at)];
      length = at;
    } else if (at > length) {
      parts.push(Buffer.alloc(at - length));
      length = at;
    }
    if (step.delta && step.delta.length > 0) {
      parts.push(step.delta);
      length += step.delta.length;
    }
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
}
function readJournal(file, frames, tornBytes = 0) {
  const journal = { file, ended: false, tornBytes, notes: [], changeCount: 0 };
  const changes2 = [];
  const lastLink = /* @__PURE__ */ new Map();
  const linkOf = /* @__PURE__ */ new Map();
  const superseded = [];
  let structural = 0;
  const previousContent = /* @__PURE__ */ new Map();
  frames.forEach((frame, seq) => {
    const record = frame.record;
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
      case "quota": {
        const first = journal.quota;
        journal.quota = first ? { ...first, refused: Math.max(first.refused, record.refused) } : { path: record.path, requestedBytes: record.requestedBytes, quotaBytes: record.quotaBytes, refused: record.refused };
        return;
      }
    }
    const change = { record, superseded: false, journal, seq, time: BigInt(record.t) };
    changes2.push(change);
    if (record.k !== "content") {
      structural++;
      return;
    }
    if (record.sup) {
      superseded.push(change);
    } else {
      const data = frame.data ?? Buffer.alloc(0);
      const link2 = record.at === void 0 ? { full: data } : { base: lastLink.get(record.ino), at: record.at, delta: data };
      lastLink.set(record.ino, link2);
      linkOf.set(change, link2);
    }
    const before = previousContent.get(record.ino);
    if (before && before.path === record.path && before.structural === structural) before.change.superseded = true;
    previousContent.set(record.ino, { change, path: record.path, structural });
  });
  for (const [change, link2] of linkOf) change.content = lazily(() => materialize(link2));
  for (const change of superseded) {
    const link2 = lastLink.get(change.record.ino);
    change.content = lazily(() => link2 ? materialize(link2) : Buffer.alloc(0));
  }
  journal.changeCount = changes2.length;
  return { journal, changes: changes2 };
}
function lazily(build) {
  let built;
  return () => built ??= build();
}

// src/changes/test-file.ts
var testFilePatterns = [
  /\.(test|spec)\.[cm]?[jt]sx?$/,
  /(^|\/)__tests__\//,
  /(^|\/)tests?\//,
  /(^|\/)spec\//
];
function testFileScore(file, cwd = process.cwd()) {
  if (file.startsWith("node:") || file.includes("/node_modules/")) return 0;
  if (testFilePatterns.slice(0, 2).some((pattern) => pattern.test(file))) return 2;
  const relative = file.startsWith(cwd + "/") ? file.slice(cwd.length + 1) : void 0;
  return relative !== void 0 && testFilePatterns.slice(2).some((pattern) => pattern.test(relative)) ? 1 : 0;
}
function fileOf(site) {
  const name = site.getFileName() ?? site.getScriptNameOrSourceURL?.();
  if (!name) return void 0;
  return name.startsWith("file://") ? decodeURIComponent(new URL(name).pathname) : name;
}
var maxFrames = 60;
var cached;
var forget = () => {
  cached = void 0;
};
function testFileOfCurrentRun() {
  if (cached) return cached.file;
  cached = { file: testFileOnStack() };
  process.nextTick(forget);
  queueMicrotask(forget);
  return cached.file;
}
var scoreOfName = /* @__PURE__ */ new Map();
function testFileOnStack() {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let sites = [];
  try {
    Error.stackTraceLimit = maxFrames;
    Error.prepareStackTrace = (_error, callSites) => callSites;
    const holder = {};
    Error.captureStackTrace(holder, testFileOnStack);
    sites = holder.stack;
  } catch {
    return void 0;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
  let byFolder;
  for (const site of sites) {
    const name = site.getFileName();
    if (!name) continue;
    let known = scoreOfName.get(name);
    if (!known) {
      const file = fileOf(site);
      known = { file, score: testFileScore(file, process.cwd()) };
      if (scoreOfName.size < 1e4) scoreOfName.set(name, known);
    }
    if (known.score === 2) return known.file;
    if (known.score === 1) byFolder ??= known.file;
  }
  return byFolder;
}

// src/changes/journal.ts
var registry = /* @__PURE__ */ new WeakMap();
function journalOf(engine) {
  return registry.get(engine);
}
var pendingNotes = /* @__PURE__ */ new WeakMap();
function noteForJournal(engine, detail) {
  const journal = registry.get(engine);
  if (journal) return journal.recordNote(detail);
  pendingNotes.set(engine, [...pendingNotes.get(engine) ?? [], detail]);
}
function openJournal(o) {
  const journal = new JournalWriter(o);
  registry.set(o.engine, journal);
  for (const detail of pendingNotes.get(o.engine) ?? []) journal.recordNote(detail);
  pendingNotes.delete(o.engine);
  return journal;
}
var sweepBudgetShare = 50;
var maxSweepIntervalMs = 3e4;
var journalMode = 420;
var keptContentBudget = 32 * 1024 * 1024;
var noBytes = new Uint8Array(0);
var JournalWriter = class {
  file;
  engine;
  /** undefined once closed; a change that comes later (an 'exit' listener writing) opens it again. */
  fd;
  fileBytes = 0;
  /** Bytes of the latest content of each inode: what compaction would keep. */
  liveBytes = 0;
  latest = /* @__PURE__ */ new Map();
  seenPaths = /* @__PURE__ */ new Set();
  journaledContent = /* @__PURE__ */ new Map();
  /** Size of the last content record of each inode in this journal: the base an `at` record continues. */
  journaledSizes = /* @__PURE__ */ new Map();
  journaledBytes = 0;
  /** Writes refused for the quota, and how many of them the journal already holds. */
  quotaRefusals = 0;
  quotaRefusalsJournaled = 0;
  quotaPath = "";
  quotaRequested = 0;
  quotaBytes = 0;
  suspended = 0;
  closed = false;
  broken = false;
  timer;
  sweepIntervalMs;
  minSweepIntervalMs;
  compactSlackBytes;
  onExit = () => this.close();
  constructor(o) {
    this.engine = o.engine;
    const threadId = currentThreadId();
    this.file = import_node_path12.default.join(o.spoolDir, journalFileName(process.pid, threadId));
    this.fd = originalFs.openSync(this.file, "a", journalMode);
    this.minSweepIntervalMs = this.sweepIntervalMs = o.sweepIntervalMs ?? 1e3;
    this.compactSlackBytes = o.compactSlackBytes ?? 16 * 1024 * 1024;
    const wallNs = BigInt(Date.now()) * 1000000n;
    this.append({
      k: "begin",
      version: 1,
      pid: process.pid,
      ppid: process.ppid,
      threadId,
      argv: process.argv.slice(),
      execArgv: process.execArgv.slice(),
      cwd: process.cwd(),
      wallNs: String(wallNs),
      monoNs: String(process.hrtime.bigint())
    });
    this.adoptCurrentState();
    process.on("exit", this.onExit);
    this.scheduleSweep();
  }
  /** While suspended (replay), changes are applied to the engine but not journaled. */
  suspend() {
    this.suspended++;
  }
  resume() {
    this.suspended--;
    if (this.suspended === 0) this.adoptCurrentState();
  }
  /**
   * Files the engine already holds (replayed from predecessors) are not this process's writes: the fallback sweep,
   * which scans the whole change set, must not journal them again. With reportUnsavedWrites the engine only ever
   * reports what this process writes, and nothing needs scanning (changeSet() copies every file's content).
   */
  adoptCurrentState() {
    if (this.engine.reportUnsavedWrites) return;
    for (const entry of this.engine.changeSet()) {
      if (entry.type !== "file" || entry.change === "deleted" || this.latest.has(entry.ino)) continue;
      const info = this.engine.inspectInode(entry.ino);
      if (info) this.remember(entry.ino, info.stat);
    }
  }
  onChange(change) {
    if (change.kind === "quota-exceeded") return this.recordQuotaRefusal(change);
    if (this.suspended > 0 || this.broken) return;
    try {
      this.record(change);
    } catch (error) {
      this.recordNote(`could not journal a ${change.kind} change: ${error.message}`);
    }
  }
  /**
   * The first refusal is journaled at once (the process may be killed next); the rest are only counted, and the
   * count is journaled at the next flush.
   */
  recordQuotaRefusal(change) {
    this.quotaRefusals++;
    if (this.quotaRefusals > 1) return;
    this.quotaPath = change.path;
    this.quotaRequested = change.requestedBytes;
    this.quotaBytes = change.quotaBytes;
    this.journalQuotaRefusals();
  }
  journalQuotaRefusals() {
    if (this.quotaRefusals === this.quotaRefusalsJournaled) return;
    this.quotaRefusalsJournaled = this.quotaRefusals;
    this.append({
      k: "quota",
      t: now(),
      path: this.quotaPath,
      requestedBytes: this.quotaRequested,
      quotaBytes: this.quotaBytes,
      refused: this.quotaRefusals
    });
  }
  /** Never throws: it runs in exit and signal handlers, where an exception would change how the process ends. */
  flush() {
    if (this.broken) return;
    this.journalQuotaRefusals();
    try {
      this.sweepOpenFiles();
    } catch (error) {
      this.recordNote(`could not save the files still open: ${error.message}`);
    }
  }
  /**
   * Marks the journal as ended cleanly (the first 'exit' listener calls it). Changes that come later are still
   * appended: the program's own 'exit' listeners run after the preload's, and what they write (a report, a log) must
   * not be lost.
   */
  close() {
    if (this.closed) return;
    this.flush();
    if (!this.broken) this.append({ k: "end", t: now() });
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    process.off("exit", this.onExit);
    try {
      if (this.fd !== void 0) originalFs.closeSync(this.fd);
    } catch {
    }
    this.fd = void 0;
  }
  record(change) {
    const t = now();
    switch (change.kind) {
      case "content":
        this.recordContent(change.ino, change.path, t, change.unchangedPrefix);
        return;
      case "mkdir": {
        const stat2 = this.engine.lstat(change.path);
        this.append(this.withTestFile(change.path, { k: "mkdir", t, path: change.path, mode: stat2.mode, uid: stat2.uid, gid: stat2.gid }));
        return;
      }
      case "symlink": {
        const stat2 = this.engine.lstat(change.path);
        this.append(this.withTestFile(change.path, { k: "symlink", t, path: change.path, target: change.target, uid: stat2.uid, gid: stat2.gid }));
        return;
      }
      case "link":
        this.append(this.withTestFile(change.newPath, { k: "link", t, existingPath: change.existingPath, newPath: change.newPath }));
        return;
      case "remove":
        this.append(this.withTestFile(change.path, { k: "remove", t, path: change.path }));
        return;
      case "rename":
        this.append(this.withTestFile(change.to, { k: "rename", t, from: change.from, to: change.to }));
        return;
      case "metadata": {
        const stat2 = this.engine.lstat(change.path);
        this.append(this.withTestFile(change.path, {
          k: "metadata",
          t,
          path: change.path,
          mode: stat2.mode,
          uid: stat2.uid,
          gid: stat2.gid,
          atimeNs: String(stat2.atimeNs),
          mtimeNs: String(stat2.mtimeNs)
        }));
        return;
      }
    }
  }
  recordContent(ino, filePath, t, unchangedPrefix) {
    const journaledSize = this.journaledSizes.get(ino);
    if (journaledSize !== void 0 && unchangedPrefix !== void 0 && this.engine.inspectInodeFrom) {
      const start = Math.min(unchangedPrefix, journaledSize);
      const info2 = this.engine.inspectInodeView ? this.engine.inspectInodeView(ino, start) : this.engine.inspectInodeFrom(ino, start);
      if (!info2 || this.unchanged(ino, info2.stat)) return;
      const record2 = this.contentRecord(ino, filePath, t, info2.stat);
      record2.at = start;
      this.append(record2, info2.content ?? noBytes);
      this.forgetJournaledContent(ino);
      this.journaledSizes.set(ino, info2.stat.size);
      this.remember(ino, info2.stat);
      this.compactIfWasteful();
      return;
    }
    if (this.engine.inspectInodeView && this.engine.inspectInodeFrom) {
      const viewed = this.engine.inspectInodeView(ino, 0);
      if (!viewed || this.unchanged(ino, viewed.stat)) return;
      const bytes = viewed.content ?? noBytes;
      this.append(this.contentRecord(ino, filePath, t, viewed.stat), bytes);
      this.journaledSizes.set(ino, bytes.length);
      this.remember(ino, viewed.stat);
      this.compactIfWasteful();
      return;
    }
    const info = this.engine.inspectInode(ino);
    if (!info || this.unchanged(ino, info.stat)) return;
    const { stat: stat2 } = info;
    const content = info.content ?? Buffer.alloc(0);
    const record = this.contentRecord(ino, filePath, t, stat2);
    const previous = this.journaledContent.get(ino);
    if (previous && content.length >= previous.length && content.compare(previous, 0, previous.length, 0, previous.length) === 0) {
      record.at = previous.length;
      this.append(record, content.subarray(previous.length));
    } else {
      this.append(record, content);
    }
    if (journaledSize !== void 0 && !this.engine.inspectInodeFrom) this.keepJournaledContent(ino, content);
    this.journaledSizes.set(ino, content.length);
    this.remember(ino, stat2);
    this.compactIfWasteful();
  }
  unchanged(ino, stat2) {
    const known = this.latest.get(ino);
    return known !== void 0 && known.size === stat2.size && known.mtimeNs === stat2.mtimeNs && known.ctimeNs === stat2.ctimeNs;
  }
  contentRecord(ino, filePath, t, stat2) {
    return this.withTestFile(filePath, {
      k: "content",
      t,
      path: filePath,
      ino,
      mode: stat2.mode,
      uid: stat2.uid,
      gid: stat2.gid,
      size: stat2.size,
      atimeNs: String(stat2.atimeNs),
      mtimeNs: String(stat2.mtimeNs)
    });
  }
  forgetJournaledContent(ino) {
    const before = this.journaledContent.get(ino);
    if (!before) return;
    this.journaledBytes -= before.length;
    this.journaledContent.delete(ino);
  }
  /**
   * The bytes last journaled for an inode (the engine hands out a copy), so that an append or an identical rewrite
   * is journaled as the few new bytes. Bounded: past the budget the oldest are let go and cost a full write again.
   */
  keepJournaledContent(ino, content) {
    this.forgetJournaledContent(ino);
    if (content.length > keptContentBudget / 4) return;
    this.journaledContent.set(ino, content);
    this.journaledBytes += content.length;
    for (const [oldest, bytes] of this.journaledContent) {
      if (this.journaledBytes <= keptContentBudget) break;
      this.journaledContent.delete(oldest);
      this.journaledBytes -= bytes.length;
    }
  }
  remember(ino, stat2) {
    const known = this.latest.get(ino);
    this.liveBytes += stat2.size - (known?.size ?? 0);
    this.latest.set(ino, { size: stat2.size, mtimeNs: stat2.mtimeNs, ctimeNs: stat2.ctimeNs });
  }
  /** Adds the test file to a path's first record in this journal (the stack is looked at once per path). */
  withTestFile(changedPath, record) {
    if (this.seenPaths.has(changedPath)) return record;
    this.seenPaths.add(changedPath);
    const testFile = testFileOfCurrentRun();
    if (testFile !== void 0) record.tf = testFile;
    return record;
  }
  /** Files written through descriptors that are still open: the engine reports them only at close. */
  sweepOpenFiles() {
    if (this.engine.reportUnsavedWrites) return this.engine.reportUnsavedWrites();
    const inodes = /* @__PURE__ */ new Set();
    for (const entry of this.engine.changeSet()) {
      if (entry.type !== "file" || entry.change === "deleted" || inodes.has(entry.ino)) continue;
      inodes.add(entry.ino);
      const known = this.latest.get(entry.ino);
      if (known && known.size === entry.size && known.mtimeNs === entry.mtimeNs) continue;
      try {
        this.recordContent(entry.ino, entry.path, now());
      } catch (error) {
        this.recordNote(`could not journal ${entry.path}: ${error.message}`);
      }
    }
  }
  scheduleSweep() {
    this.timer = setTimeout(() => {
      if (this.closed) return;
      const started = performance.now();
      this.flush();
      const took = performance.now() - started;
      this.sweepIntervalMs = Math.min(maxSweepIntervalMs, Math.max(this.minSweepIntervalMs, took * sweepBudgetShare));
      this.scheduleSweep();
    }, this.sweepIntervalMs);
    this.timer.unref();
  }
  recordNote(detail) {
    if (this.broken) return;
    this.append({ k: "note", t: now(), detail });
  }
  append(record, data) {
    if (this.broken) return;
    try {
      this.fd ??= originalFs.openSync(this.file, "a", journalMode);
      this.fileBytes += writeAll(this.fd, encodeFrame(record, data));
    } catch {
      this.broken = true;
    }
  }
  compactIfWasteful() {
    if (this.fileBytes <= 2 * this.liveBytes + this.compactSlackBytes) return;
    const temporary = `${this.file}.compact`;
    const frames = compactFrames(decodeFrames(originalFs.readFileSync(this.file)).frames);
    const fd = originalFs.openSync(temporary, "w", journalMode);
    let written = 0;
    try {
      for (const frame of frames) written += writeAll(fd, encodeFrame(frame.record, frame.data));
    } finally {
      originalFs.closeSync(fd);
    }
    originalFs.renameSync(temporary, this.file);
    if (this.fd !== void 0) originalFs.closeSync(this.fd);
    this.fd = originalFs.openSync(this.file, "a", journalMode);
    this.fileBytes = written;
  }
};
function currentThreadId() {
  const getBuiltin = process.getBuiltinModule;
  const workers = getBuiltin?.("node:worker_threads");
  return workers?.threadId ?? 0;
}
function now() {
  return String(process.hrtime.bigint());
}
function writeAll(fd, buffers) {
  const total = buffers.reduce((sum, b) => sum + b.length, 0);
  let written = buffers.length === 1 ? originalFs.writeSync(fd, buffers[0], 0, total) : originalFs.writevSync(fd, buffers);
  if (written === total) return total;
  const all = Buffer.concat(buffers);
  while (written < total) written += originalFs.writeSync(fd, all, written, total - written);
  return total;
}
function compactFrames(frames) {
  const { changes: changes2 } = readJournal("", frames);
  const bySeq = new Map(changes2.map((change) => [change.seq, change]));
  const lastSeqOfIno = /* @__PURE__ */ new Map();
  for (const change of changes2) if (change.record.k === "content") lastSeqOfIno.set(change.record.ino, change.seq);
  const kept = [];
  frames.forEach((frame, seq) => {
    const change = bySeq.get(seq);
    if (!change || change.record.k !== "content") return kept.push(frame);
    const { at: _at, sup: _sup, ...record } = change.record;
    if (lastSeqOfIno.get(record.ino) === seq) return kept.push({ record, data: change.content() });
    if (change.superseded && record.tf === void 0) return;
    kept.push({ record: { ...record, sup: 1 } });
  });
  return kept;
}

// src/changes/replay.ts
var import_node_fs14 = __toESM(require("node:fs"), 1);
var import_node_path13 = __toESM(require("node:path"), 1);
var { O_WRONLY: O_WRONLY4, O_CREAT: O_CREAT4, O_TRUNC: O_TRUNC4 } = import_node_fs14.default.constants;
var writeFlags = O_WRONLY4 | O_CREAT4 | O_TRUNC4;
function replayJournals(spoolDir, engine) {
  replayJournalsDetailed(spoolDir, engine);
}
function replayJournalsDetailed(spoolDir, engine) {
  const journal = journalOf(engine);
  const spool = readSpool(spoolDir, journal ? { skip: journal.file } : {});
  const result = { applied: 0, failed: [] };
  const applyAll = () => {
    for (const change of spool.changes) {
      if (change.superseded) continue;
      try {
        withAccess(engine, change, () => apply(engine, change));
        result.applied++;
      } catch (error) {
        result.failed.push({ change, error });
      }
    }
  };
  journal?.suspend();
  try {
    if (engine.asRoot) engine.asRoot(applyAll);
    else applyAll();
  } finally {
    journal?.resume();
  }
  for (const { change, error } of result.failed) {
    noteForJournal(engine, `replay of a ${change.record.k} change from pid ${change.journal.begin?.pid ?? "?"} failed: ${error.message}`);
  }
  return result;
}
function apply(engine, change) {
  const record = change.record;
  switch (record.k) {
    case "content": {
      engine.writeFile(record.path, change.content?.() ?? Buffer.alloc(0), writeFlags, record.mode & 4095);
      setMetadata(engine, record.path, record);
      return;
    }
    case "mkdir":
      if (!isDirectory2(engine, record.path)) engine.mkdir(record.path, record.mode & 4095, false);
      setOwnerAndMode(engine, record.path, record);
      return;
    case "symlink":
      engine.rm(record.path, { recursive: false, force: true });
      engine.symlink(record.target, record.path);
      chownIfNeeded(engine, record.path, record, true);
      return;
    case "link":
      engine.rm(record.newPath, { recursive: false, force: true });
      engine.link(record.existingPath, record.newPath);
      return;
    case "remove":
      engine.rm(record.path, { recursive: true, force: true });
      return;
    case "rename":
      engine.rename(record.from, record.to);
      return;
    case "metadata":
      setMetadata(engine, record.path, record);
      return;
  }
}
function isDirectory2(engine, target) {
  const stat2 = engine.tryStat(target, false);
  return stat2 !== void 0 && (stat2.mode & import_node_fs14.default.constants.S_IFMT) === import_node_fs14.default.constants.S_IFDIR;
}
function setMetadata(engine, target, m) {
  setOwnerAndMode(engine, target, m);
  if (m.atimeNs !== void 0 && m.mtimeNs !== void 0) {
    const stat2 = engine.lstat(target);
    if ((stat2.mode & import_node_fs14.default.constants.S_IFMT) === import_node_fs14.default.constants.S_IFLNK) {
      engine.lutimes(target, BigInt(m.atimeNs), BigInt(m.mtimeNs));
    } else {
      engine.utimes(target, BigInt(m.atimeNs), BigInt(m.mtimeNs));
    }
  }
}
function setOwnerAndMode(engine, target, m) {
  const stat2 = engine.lstat(target);
  if ((stat2.mode & import_node_fs14.default.constants.S_IFMT) === import_node_fs14.default.constants.S_IFLNK) return chownIfNeeded(engine, target, m, true);
  chownIfNeeded(engine, target, m, false);
  if (m.mode !== void 0 && (stat2.mode & 4095) !== (m.mode & 4095)) engine.chmod(target, m.mode & 4095);
}
function chownIfNeeded(engine, target, m, symlink2) {
  const stat2 = engine.lstat(target);
  if (stat2.uid === m.uid && stat2.gid === m.gid) return;
  try {
    if (symlink2) engine.lchown(target, m.uid, m.gid);
    else engine.chown(target, m.uid, m.gid);
  } catch {
  }
}
function withAccess(engine, change, action) {
  try {
    action();
    return;
  } catch (error) {
    const code = error.code;
    if (code !== "EACCES" && code !== "EPERM") throw error;
  }
  const restore = [];
  try {
    for (const target of pathsTouched(change)) {
      const candidates = change.record.k === "content" ? [import_node_path13.default.dirname(target), target] : [import_node_path13.default.dirname(target)];
      for (const candidate of candidates) {
        const stat2 = engine.tryStat(candidate, false);
        if (!stat2 || (stat2.mode & import_node_fs14.default.constants.S_IFMT) === import_node_fs14.default.constants.S_IFLNK) continue;
        const relaxed = stat2.mode | 448;
        if ((stat2.mode & 4095) === (relaxed & 4095)) continue;
        engine.chmod(candidate, relaxed & 4095);
        restore.unshift({ target: candidate, mode: stat2.mode & 4095 });
      }
    }
    action();
  } finally {
    for (const { target, mode } of restore) {
      try {
        engine.chmod(target, mode);
      } catch {
      }
    }
  }
}
function pathsTouched(change) {
  const record = change.record;
  switch (record.k) {
    case "link":
      return [record.existingPath, record.newPath];
    case "rename":
      return [record.from, record.to];
    default:
      return [record.path];
  }
}

// src/preload/config.ts
var import_node_fs15 = require("node:fs");
var import_node_os2 = require("node:os");
var import_node_path14 = require("node:path");
var ENV = {
  disable: "MEMFS_DISABLE",
  roots: "MEMFS_ROOTS",
  passThrough: "MEMFS_PASS_THROUGH",
  passThroughDefaults: "MEMFS_PASS_THROUGH_DEFAULTS",
  quota: "MEMFS_QUOTA",
  spool: "MEMFS_SPOOL"
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
  "./v8-compile-cache*/",
  // the v8-compile-cache package (eslint, older yarn)
  // vitest's forks pool: the parent writes each transformed module to <tmp>/<nanoid(21)>/<environment>/<sha1> and the
  // fork reads it from there, so the two processes must share the disk for it.
  `./${"?".repeat(21)}/`
];
var DEFAULT_QUOTA_BYTES = 1024 ** 3;
var ConfigError = class extends Error {
  constructor(variable, problem) {
    super(`memfs-action: ${variable}: ${problem}`);
    this.variable = variable;
    this.name = "ConfigError";
  }
  variable;
};
var thisMachine = {
  cwd: () => process.cwd(),
  tmpdir: import_node_os2.tmpdir,
  realDirectory(p2) {
    const real = import_node_fs15.realpathSync.native(p2);
    if (!(0, import_node_fs15.statSync)(real).isDirectory()) throw Object.assign(new Error(`not a directory: ${p2}`), { code: "ENOTDIR" });
    return real;
  }
};
function readConfig(env, system) {
  if (readSwitch(env, ENV.disable, false)) return { disabled: true };
  const roots = readRoots(env, system);
  let tmpdir2 = system.tmpdir();
  try {
    tmpdir2 = system.realDirectory(tmpdir2);
  } catch {
  }
  const spoolDir = readSpool2(env, system);
  const patterns = new PatternSet();
  if (readSwitch(env, ENV.passThroughDefaults, true)) {
    for (const root of roots) for (const p2 of DEFAULT_PASS_THROUGH) patterns.add(p2, root);
    for (const p2 of DEFAULT_TMP_PASS_THROUGH) patterns.add(p2, tmpdir2);
  }
  for (const entry of listOf(env[ENV.passThrough])) {
    if (entry.includes("\0")) throw new ConfigError(ENV.passThrough, `${JSON.stringify(entry)} contains a NUL byte.`);
    if ((0, import_node_path14.isAbsolute)(entry)) patterns.add(entry, "/");
    else for (const root of roots) patterns.add(entry, root);
  }
  if (spoolDir !== void 0) patterns.add(escapeGlob(spoolDir), "/");
  const passThrough = patterns.globs();
  return { disabled: false, config: { roots, passThrough, quotaBytes: readQuota(env), spoolDir } };
}
function readRoots(env, system) {
  const listed = listOf(env[ENV.roots]);
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
      if (!(0, import_node_path14.isAbsolute)(root)) {
        throw new ConfigError(ENV.roots, `"${root}" is not an absolute path; every root must be absolute.`);
      }
      if (root === "/" || (0, import_node_path14.resolve)(root) === "/") {
        throw new ConfigError(ENV.roots, `"/" cannot be a root: Node itself and every tool would run from memory.`);
      }
      return withAlias(root, realDirectoryOf(system, ENV.roots, root, `"${root}"`));
    })
  );
}
function withAlias(given, real) {
  const literal = (0, import_node_path14.resolve)(given);
  return literal === real ? [real] : [real, literal];
}
function readSpool2(env, system) {
  const spool = env[ENV.spool]?.trim();
  if (!spool) return void 0;
  if (!(0, import_node_path14.isAbsolute)(spool)) throw new ConfigError(ENV.spool, `"${spool}" is not an absolute path.`);
  return realDirectoryOf(system, ENV.spool, spool, `"${spool}"`);
}
var SIZE = /^(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?$/i;
var UNIT = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
function readQuota(env) {
  const raw = env[ENV.quota]?.trim();
  if (!raw) return DEFAULT_QUOTA_BYTES;
  if (/^(unlimited|none)$/i.test(raw)) return void 0;
  const match = SIZE.exec(raw);
  if (!match) {
    throw new ConfigError(
      ENV.quota,
      `"${raw}" is not a size. Use bytes with an optional k, m, g or t suffix (powers of 1024, e.g. 512m or 2g), or "unlimited".`
    );
  }
  const bytes = Math.floor(Number(match[1]) * (match[2] ? UNIT[match[2].toLowerCase()] : 1));
  if (bytes < 1) throw new ConfigError(ENV.quota, `"${raw}" leaves no room for any write; use "unlimited" for no limit.`);
  if (!Number.isSafeInteger(bytes)) throw new ConfigError(ENV.quota, `"${raw}" is too large; use "unlimited".`);
  return bytes;
}
function readSwitch(env, variable, byDefault) {
  const raw = env[variable]?.trim().toLowerCase();
  if (!raw) return byDefault;
  if (["1", "true", "on", "yes"].includes(raw)) return true;
  if (["0", "false", "off", "no"].includes(raw)) return false;
  throw new ConfigError(variable, `"${env[variable]}" is not a switch; use 1/true/on or 0/false/off.`);
}
function realDirectoryOf(system, variable, p2, what) {
  try {
    return system.realDirectory(p2);
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a directory" : `cannot be used (${code ?? error.message})`;
    throw new ConfigError(variable, `${what} ${why}.`);
  }
}
function listOf(raw) {
  if (!raw) return [];
  return raw.split(/\r?\n/).flatMap((line) => line.split(import_node_path14.delimiter)).map((entry) => entry.trim()).filter((entry) => entry !== "");
}
var PatternSet = class {
  anyDepth = /* @__PURE__ */ new Map();
  anchored = /* @__PURE__ */ new Map();
  add(pattern, base) {
    const bare = pattern.replace(/\/+$/, "");
    if ((0, import_node_path14.isAbsolute)(bare)) return this.put(this.anchored, "", bare);
    if (bare.includes("/")) this.put(this.anchored, escapeGlob(base), bare.replace(/^\.\//, ""));
    else this.put(this.anyDepth, escapeGlob(base), bare);
  }
  globs() {
    const out = [];
    for (const [base, names] of this.anyDepth) out.push(import_node_path14.posix.join(base, "**", alternatives(names)));
    for (const [base, rests] of this.anchored) {
      if (base === "") out.push(...rests);
      else out.push(import_node_path14.posix.join(base, alternatives(rests)));
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
function escapeGlob(literal) {
  return literal.replace(/[*?[\]{}()!+@\\]/g, "\\$&");
}
function unique(items) {
  return [...new Set(items)];
}

// src/preload/builtin.ts
var import_node_module4 = require("node:module");
function builtin(name) {
  const get = process.getBuiltinModule;
  return get ? get(name) : (0, import_node_module4.createRequire)(process.execPath)(name);
}

// src/preload/lifecycle.ts
var FATAL_SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"];
function flushOnEveryEnding(journal) {
  process.on("exit", () => journal.close());
  process.on("uncaughtExceptionMonitor", () => journal.flush());
  if (!builtin("node:worker_threads").isMainThread) return;
  for (const signal of FATAL_SIGNALS) {
    const onSignal = () => {
      journal.flush();
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

// src/preload/working-directory.ts
var import_node_path15 = require("node:path");
var S_IFMT4 = 61440;
var S_IFDIR4 = 16384;
var X_OK2 = 1;
function installWorkingDirectory(engine, router) {
  const kernelChdir = process.chdir;
  const kernelCwd = process.cwd;
  let inMemory;
  const current = () => inMemory ?? kernelCwd.call(process);
  const chdir = function chdir2(directory) {
    if (typeof directory !== "string") return kernelChdir.call(process, directory);
    const target = (0, import_node_path15.resolve)(current(), directory);
    if (!router.owns(target)) {
      kernelChdir.call(process, inMemory === void 0 ? directory : target);
      inMemory = void 0;
      return;
    }
    const real = enterable(target, directory);
    try {
      kernelChdir.call(process, real);
      inMemory = void 0;
      return;
    } catch {
    }
    enterNearestOnDisk(real);
    inMemory = real;
  };
  function enterable(target, asGiven) {
    const cwd = current();
    try {
      const stat2 = engine.stat(target);
      if ((stat2.mode & S_IFMT4) !== S_IFDIR4) throw uvError("ENOTDIR", "chdir", cwd, asGiven);
      engine.access(target, X_OK2);
      return engine.realpath(target);
    } catch (error) {
      const code = error.code;
      if (code === void 0 || error.syscall === "chdir") throw error;
      const chdirError = uvError(code, "chdir", cwd, asGiven);
      Error.captureStackTrace(chdirError, chdir);
      throw chdirError;
    }
  }
  function enterNearestOnDisk(dir) {
    for (let candidate = (0, import_node_path15.dirname)(dir); ; candidate = (0, import_node_path15.dirname)(candidate)) {
      try {
        kernelChdir.call(process, candidate);
        return;
      } catch (error) {
        if (candidate === (0, import_node_path15.dirname)(candidate)) throw error;
      }
    }
  }
  process.chdir = chdir;
  process.cwd = function cwd() {
    return current();
  };
}

// src/preload/index.ts
var INSTALLED = /* @__PURE__ */ Symbol.for("memfs-action.preload.installed");
var LateObserver = class {
  target;
  onChange(change) {
    this.target?.onChange(change);
  }
};
function compilePassThroughGlobs(globs) {
  const picomatch = require_picomatch2();
  return picomatch(globs, { dot: true });
}
function install(config) {
  const observer = new LateObserver();
  const engine = new Overlay({ lower: createDiskLayer(), quotaBytes: config.quotaBytes, observer });
  if (config.spoolDir !== void 0) {
    replayJournals(config.spoolDir, engine);
    const journal = openJournal({ spoolDir: config.spoolDir, engine });
    observer.target = journal;
    flushOnEveryEnding(journal);
  }
  const router = createPathRouter({ roots: config.roots, passThrough: config.passThrough }, compilePassThroughGlobs);
  installFs(engine, router);
  installModuleLoading(engine, router);
  installWorkingDirectory(engine, router);
  (0, import_node_module5.syncBuiltinESMExports)();
}
function main() {
  const global = globalThis;
  if (global[INSTALLED]) return;
  Object.defineProperty(global, INSTALLED, { value: true, enumerable: false });
  let result;
  try {
    result = readConfig(process.env, thisMachine);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    (0, import_node_fs16.writeSync)(2, `${error.message}
`);
    process.exit(1);
  }
  if (result.disabled) return;
  if (!process.env[ENV.roots]) process.env[ENV.roots] = result.config.roots.join(import_node_path16.delimiter);
  try {
    install(result.config);
  } catch (error) {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    (0, import_node_fs16.writeSync)(2, `memfs-action: the preload could not start, so this process stops: ${detail}
Set ${ENV.disable}=1 to run without the in-memory overlay.
`);
    process.exit(1);
  }
}
main();
