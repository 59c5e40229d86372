(function (exports, require, module, __filename, __dirname, memfsPreloadFile) {
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
    exports2.basename = (path2, { windows } = {}) => {
      const segs = path2.split(windows ? /[\\/]/ : "/");
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
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    var constants11 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants11;
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
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants11.DEFAULT_MAX_EXTGLOB_RECURSION;
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
      const PLATFORM_CHARS = constants11.globChars(opts.windows);
      const EXTGLOB_CHARS = constants11.extglobChars(PLATFORM_CHARS);
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
          const before2 = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before2 && (before2.type === "star" || before2.type === "globstar");
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
            const after2 = input[state.index + 4];
            if (after2 && after2 !== "/") {
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
      } = constants11.globChars(opts.windows);
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
    var constants11 = require_constants();
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
    picomatch.constants = constants11;
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
var import_node_path4 = require("node:path");
var import_node_module7 = require("node:module");

// src/overlay/disk.ts
var import_node_fs2 = require("node:fs");

// src/overlay/name-bytes.ts
var import_node_buffer = require("node:buffer");
function isWellFormed(s2) {
  return s2.isWellFormed();
}
function toWellFormed(s2) {
  return s2.toWellFormed();
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
  const buffer = import_node_buffer.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if ((0, import_node_buffer.isUtf8)(buffer)) return buffer.toString("utf8");
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
  if (isWellFormed(name2)) return import_node_buffer.Buffer.from(name2, "utf8");
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
      parts.push(import_node_buffer.Buffer.from(name2.slice(runStart, i), "utf8"), import_node_buffer.Buffer.of(unit - 56320));
      runStart = i + 1;
    }
  }
  parts.push(import_node_buffer.Buffer.from(name2.slice(runStart), "utf8"));
  return import_node_buffer.Buffer.concat(parts);
}
function nameByteLength(name2) {
  return isWellFormed(name2) ? import_node_buffer.Buffer.byteLength(name2) : nameToBytes(name2).length;
}

// src/overlay/stats.ts
var import_node_fs = require("node:fs");
var statOfDisk = import_node_fs.statSync;
var StatsCtor;
var BigIntStatsCtor;
var takesSecondsAndNanos = false;
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
    BigIntStatsCtor ??= Object.getPrototypeOf(statOfDisk("/", { bigint: true })).constructor;
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
  if (StatsCtor === void 0) {
    StatsCtor = Object.getPrototypeOf(statOfDisk("/")).constructor;
    takesSecondsAndNanos = StatsCtor.length >= 18;
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

// src/platform/proc-links.ts
function ownWorkingDirectoryLink(realPath2, cwd) {
  if (!realPath2.startsWith("/proc/") || !realPath2.endsWith("/cwd")) return void 0;
  const match = /^\/proc\/(\d+)(?:\/task\/\d+)?\/cwd$/.exec(realPath2);
  return match && Number(match[1]) === process.pid ? cwd() : void 0;
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
function onDisk(path2) {
  return isWellFormed(path2) ? path2 : nameToBytes(path2);
}
function mayHaveLostBytes(text2) {
  return text2.includes("\uFFFD");
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
var O_NOATIME = import_node_fs2.constants.O_NOATIME ?? 0;
var noAtimeAvailable = O_NOATIME !== 0;
function openForRead(path2, extraFlags = 0) {
  const flags = import_node_fs2.constants.O_RDONLY | extraFlags;
  const target = onDisk(path2);
  if (noAtimeAvailable) {
    try {
      return openSync(target, flags | O_NOATIME);
    } catch (error) {
      if (error.code !== "EPERM") throw error;
    }
  }
  return openSync(target, flags);
}
var S_IFMT = import_node_fs2.constants.S_IFMT;
var S_IFDIR = import_node_fs2.constants.S_IFDIR;
function readFileNoFollow(path2) {
  let fd;
  try {
    fd = openForRead(path2, import_node_fs2.constants.O_NOFOLLOW);
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
function readWholeFile(path2) {
  const fd = openForRead(path2);
  try {
    return readAll(fd, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}
var TRY_LSTAT = { bigint: true, throwIfNoEntry: false };
function readDirectory(path2) {
  if (!isWellFormed(path2)) return readDirectoryAsBytes(nameToBytes(path2));
  const dirents = readdirSync(path2, { withFileTypes: true });
  const entries = new Array(dirents.length);
  for (let i = 0; i < dirents.length; i++) {
    const d = dirents[i];
    if (mayHaveLostBytes(d.name)) return readDirectoryAsBytes(path2);
    entries[i] = { name: d.name, type: direntType(d) };
  }
  return entries;
}
function readNames(path2) {
  return readDirectory(path2).map((entry) => entry.name);
}
function readDirectoryAsBytes(target) {
  return readdirSync(target, { withFileTypes: true, encoding: "buffer" }).map((d) => ({ name: bytesToName(d.name), type: direntType(d) }));
}
function readLink(path2) {
  const ownCwd = ownWorkingDirectoryLink(path2, () => process.cwd());
  if (ownCwd !== void 0) return ownCwd;
  const target = onDisk(path2);
  const text2 = readlinkSync(target, "utf8");
  return mayHaveLostBytes(text2) ? bytesToName(readlinkSync(target, "buffer")) : text2;
}
function realPath(path2) {
  const target = onDisk(path2);
  const text2 = realpathNative(target, "utf8");
  return mayHaveLostBytes(text2) ? bytesToName(realpathNative(target, "buffer")) : text2;
}
function createDiskLayer() {
  return {
    answersAsDisk: true,
    lstat: (path2) => statRecordFromNode(lstatSync(onDisk(path2), { bigint: true })),
    tryLstat(path2) {
      const s2 = lstatSync(onDisk(path2), TRY_LSTAT);
      return s2 === void 0 ? void 0 : statRecordFromNode(s2);
    },
    readdir: readDirectory,
    readlink: readLink,
    realpath: realPath,
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
var import_node_util = require("node:util");
var systemErrors;
var errnoByCode;
function errnoOf(code) {
  if (errnoByCode === void 0) {
    systemErrors ??= (0, import_node_util.getSystemErrorMap)();
    errnoByCode = new Map([...systemErrors].map(([errno, [name2]]) => [name2, errno]));
  }
  return errnoByCode.get(code) ?? 0;
}
function uvError(code, syscall, path2, dest) {
  const errno = errnoOf(code);
  const description = systemErrors.get(errno)?.[1] ?? "unknown error";
  let message = `${code}: ${description}, ${syscall}`;
  if (path2 !== void 0) message += ` '${path2}'`;
  if (dest !== void 0) message += ` -> '${dest}'`;
  const error = new Error(message);
  error.errno = errno;
  error.code = code;
  error.syscall = syscall;
  if (path2 !== void 0) error.path = path2;
  if (dest !== void 0) error.dest = dest;
  return error;
}
function codeOf(error) {
  const code = error?.code;
  return typeof code === "string" ? code : void 0;
}

// src/overlay/content.ts
var PAGE = 4096;
var JOURNAL_HEADER_BYTES = 256;
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
  constructor(lower, quota, guard) {
    this.lower = lower;
    this.quota = quota;
    this.guard = guard;
  }
  lower;
  quota;
  guard;
  used = 0;
  /** Told of every refusal before ENOSPC is thrown, so that its cause can be reported (see overlay.ts). */
  onRefused;
  /**
   * Throws ENOSPC (before anything changes) unless `inode` may hold `bytes` bytes from now on. `path`: the file's
   * path when there is no inode yet (a disk file not copied up).
   */
  ensureRoom(inode, bytes, syscall, path2) {
    const held = inode === void 0 ? 0 : inode.held;
    if (bytes > held && this.used + bytes - held > this.quota) {
      this.onRefused?.(inode, bytes, path2, "quota");
      throw uvError("ENOSPC", syscall);
    }
  }
  /**
   * What the journal will write for `inode` at its next report if the content becomes `size` bytes changed from byte
   * `from` on: a file reported before is saved from its first changed byte, any other from byte 0 (a disk file's
   * bytes included). `inode` undefined: a file not in memory yet.
   */
  journalBytes(inode, size, from) {
    let start = 0;
    if (inode !== void 0 && inode.contentReported) start = Math.min(inode.changedFrom, from, size);
    const bytes = size - start;
    return bytes > 0 ? bytes + JOURNAL_HEADER_BYTES : 0;
  }
  /** What the journal will write for `inode` at its next report as things stand (0: nothing changed since). */
  unreported(inode) {
    return inode.changedFrom === Number.POSITIVE_INFINITY ? 0 : this.journalBytes(inode, inode.size, inode.changedFrom);
  }
  /**
   * Throws ENOSPC (before anything changes) unless the space guard admits what this change adds to the journal:
   * `inode` holding `size` bytes changed from byte `from` on. `path`: as for ensureRoom.
   */
  ensureJournalRoom(inode, size, from, syscall, path2) {
    if (this.guard === void 0) return;
    const bytes = inode !== void 0 && from >= inode.changedFrom && size >= inode.size ? size - inode.size : this.journalBytes(inode, size, from) - (inode === void 0 ? 0 : this.unreported(inode));
    if (bytes > 0 && !this.guard.admit(bytes)) {
      this.onRefused?.(inode, bytes, path2, "space");
      throw uvError("ENOSPC", syscall);
    }
  }
  setHeld(inode, bytes) {
    this.used += bytes - inode.held;
    inode.held = bytes;
  }
  /**
   * Reads a file's bytes in now, while the layer below still has them at its old path (another process of the run is
   * about to change that path). Counted as held, past the quota if need be: the bytes were the file's already.
   */
  readInNow(inode) {
    this.materialize(inode, "read");
  }
  /** Reads a file still backed by the disk into memory (the caller checked the quota). */
  materialize(inode, syscall) {
    if (inode.contentFrom === null) return;
    const path2 = inode.contentFrom;
    const bytes = this.diskCall(() => this.lower.readFile(path2), syscall);
    inode.data = bytes;
    inode.size = bytes.length;
    inode.writtenEnd = bytes.length;
    inode.contentFrom = null;
    inode.pages = null;
    this.setHeld(inode, bytes.length);
  }
  /**
   * Replaces the whole content (writeFile, copyFile). `admitted`: the caller already had the space guard admit it
   * (before it created the file), and the guard must not count it twice.
   */
  replace(inode, src, syscall, admitted = false) {
    this.ensureRoom(inode, src.byteLength, syscall);
    if (!admitted) this.ensureJournalRoom(inode, src.byteLength, 0, syscall);
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
  write(inode, src, offset, length, position, syscall, admitted = false) {
    const end = position + length;
    const base = inode.contentFrom !== null ? inode.size : inode.writtenEnd;
    this.ensureRoom(inode, Math.max(base, end), syscall);
    if (!admitted) this.ensureJournalRoom(inode, Math.max(inode.size, end), position, syscall);
    this.materialize(inode, syscall);
    const needed = Math.max(inode.writtenEnd, end);
    let data = inode.data;
    if (data === null || data.length < needed) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, data === null ? 0 : data.length * 2));
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
  truncate(inode, length, syscall, admitted = false) {
    const diskBacked = length !== 0 && inode.contentFrom !== null;
    if (diskBacked) this.ensureRoom(inode, Math.min(length, inode.size), syscall);
    if (!admitted && length > 0) this.ensureJournalRoom(inode, length, Math.min(length, inode.size), syscall);
    if (length < inode.changedFrom) inode.changedFrom = Math.min(length, inode.size);
    if (!diskBacked) {
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
  readFromDisk(path2, dst, offset, length, position) {
    const fd = this.diskCall(() => this.lower.openForRead(path2), "read");
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
  diskCall(call, syscall, path2) {
    try {
      return call();
    } catch (error) {
      const code = error.code;
      throw typeof code === "string" ? uvError(code, syscall, path2) : error;
    }
  }
  /**
   * The bytes from `start` as a view of the stored buffer (no copy), or undefined when they are not all in it (still
   * on disk, or a hole past the written extent): the caller then copies.
   */
  view(inode, start) {
    if (inode.contentFrom !== null) return void 0;
    const end = Math.min(inode.writtenEnd, inode.size);
    const from = Math.min(start, end);
    if (inode.data === null || from === end) return new Uint8Array(0);
    return inode.data.subarray(from, end);
  }
  /** A copy of the whole content. */
  readAll(inode, syscall = "read", callerPath) {
    if (inode.contentFrom !== null) {
      const path2 = inode.contentFrom;
      return this.diskCall(() => this.lower.readFile(path2), syscall, callerPath);
    }
    const end = Math.min(inode.writtenEnd, inode.size);
    const dense = inode.data !== null && inode.data.length >= end && end === inode.size;
    const out = dense ? Buffer.allocUnsafe(inode.size) : Buffer.alloc(inode.size);
    if (inode.data !== null) inode.data.copy(out, 0, 0, end);
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
  /** Directories: names -> inode, or null for a whiteout (a disk entry deleted in the overlay). */
  entries = null;
  /** Directories: names of entries that hide a disk entry of the same name (deleting them leaves a whiteout). */
  covered = null;
  /** Directories: the disk directory whose children show through (null for new or opaque directories). */
  lower = null;
  opaque = false;
  /**
   * Directories: names another process of the run made or changed here since this one last did (Overlay.reveal): looked
   * up below at this directory's own path, even where `lower` is null (a directory this process made) or elsewhere (a
   * renamed one). An entry of `entries` still wins.
   */
  revealed = null;
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
  /** An `unsaved` report was made since the last `content` report (or none is needed: the inode has no name). */
  unsavedReported = false;
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
      this.entries = new EntryMap();
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
  addLink(dir, name2) {
    if (this.parent === null) {
      this.parent = dir;
      this.name = name2;
    } else (this.otherLinks ??= []).push({ dir, name: name2 });
  }
  removeLink(dir, name2) {
    if (this.otherLinks === null) {
      if (this.parent === dir && this.name === name2) {
        this.parent = null;
        this.name = "";
      }
      return;
    }
    if (this.parent === dir && this.name === name2) {
      const next = this.otherLinks?.shift();
      this.parent = next?.dir ?? null;
      this.name = next?.name ?? "";
    } else if (this.otherLinks !== null) {
      const i = this.otherLinks.findIndex((l2) => l2.dir === dir && l2.name === name2);
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
      size = nameByteLength(this.target);
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
  constructor(parent, name2, path2, stat2, shortcut = false) {
    this.parent = parent;
    this.name = name2;
    this.path = path2;
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
function isInMemoryOnly(node) {
  return node instanceof Inode && node.lower === null && node.revealed === null && node.entries !== null;
}
function statOf(node) {
  return node instanceof Inode ? node.stat() : node.stat;
}
var upperShape = { version: 0 };
var EntryMap = class extends Map {
  set(name2, entry) {
    upperShape.version++;
    return super.set(name2, entry);
  }
  delete(name2) {
    upperShape.version++;
    return super.delete(name2);
  }
  clear() {
    upperShape.version++;
    super.clear();
  }
};

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
var DISK_PATHS_MAX = 8192;
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
  /** How many of those are not directories (never decreases: a stale count only sends questions the slow way). */
  diskFileCopies = 0;
  /** Disk directories' real paths (one realpath each): equal to the key when no symlink is on the way. */
  realDirs = /* @__PURE__ */ new Map();
  /** fastDiskPath's answers by absolute path (null: none), for upperShape.version `diskPathsVersion`. */
  diskPaths = /* @__PURE__ */ new Map();
  diskPathsThroughLinks = /* @__PURE__ */ new Map();
  diskPathsVersion = -1;
  /** Copied-up files whose bytes are still read from below by path (contentFrom), until something reads them in. */
  lazyContent = /* @__PURE__ */ new Set();
  nextIno = 2 ** 40;
  /** New inode numbers start at 2**40, beyond what ext4 (32-bit) and tmpfs inode numbers reach on a runner. */
  allocateIno() {
    return this.nextIno++;
  }
  tryLstat(path2) {
    if (this.lower.tryLstat) return this.lower.tryLstat(path2);
    try {
      return this.lower.lstat(path2);
    } catch (error) {
      const code = error.code;
      if (code === "ENOENT" || code === "ENOTDIR") return void 0;
      throw error;
    }
  }
  /** The child `name` of directory `dir` in the merged view. */
  child(dir, name2) {
    let diskPath;
    if (dir instanceof Inode) {
      const entry = dir.entries.get(name2);
      if (entry !== void 0) return entry ?? void 0;
      if (dir.revealed !== null && dir.revealed.has(name2)) diskPath = this.entryPath(dir, name2);
      else if (dir.lower === null) return void 0;
      else diskPath = dir.lower === "/" ? "/" + name2 : dir.lower + "/" + name2;
    } else {
      diskPath = dir.path === "/" ? "/" + name2 : dir.path + "/" + name2;
    }
    const stat2 = this.tryLstat(diskPath);
    if (stat2 === void 0) return void 0;
    return this.diskNode(dir, name2, diskPath, stat2);
  }
  diskNode(dir, name2, diskPath, stat2) {
    if (this.upperByDiskIno.size !== 0 && (stat2.mode & S_IFMT2) !== S_IFDIR2) {
      const upper = this.upperByDiskIno.get(stat2.ino);
      if (upper !== void 0 && upper.dev === stat2.dev && stat2.nlink > 1) {
        this.noteAlias(upper, dir, name2);
        return upper;
      }
    }
    return new LowerNode(dir, name2, diskPath, stat2);
  }
  /** Remembers another disk name of a copied-up file, for the change set. */
  noteAlias(inode, dir, name2) {
    const path2 = this.entryPath(dir, name2);
    if (this.pathOf(inode) === path2) return;
    const aliases = inode.diskAliases ??= [];
    if (!aliases.includes(path2)) aliases.push(path2);
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
  /**
   * Whether the upper tree holds nothing: every upper node hangs from the root, so a root with no entry (no file
   * made, copied up or whited out anywhere), still showing the disk's root, and nothing revealed from below leaves
   * every path to the layer below. Entries that came and went leave their folders behind: an empty root again is
   * exact, not a guess.
   */
  holdsNothing() {
    const root = this.root;
    return root.entries.size === 0 && root.revealed === null && root.lower === "/";
  }
  /** Whether a disk file (not a directory) was copied up: another of its disk names may then lead to the copy. */
  hasDiskCopies() {
    return this.diskFileCopies !== 0;
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
  walk(path2, options) {
    if (path2.length >= PATH_MAX) return "ENAMETOOLONG";
    const absolute = path2.charCodeAt(0) === 47 ? path2 : this.cwd() + "/" + path2;
    const trailingSlash = path2.length > 1 && path2.charCodeAt(path2.length - 1) === 47;
    const pending = componentsReversed(absolute);
    let dir = this.root;
    let hops = 0;
    const checkSearch = this.identity.uid !== 0;
    while (pending.length > 0) {
      const name2 = pending.pop();
      const last = pending.length === 0;
      if (checkSearch && !mayAccess(this.identity, statLike(dir), X_OK)) return "EACCES";
      if (name2 === "." || name2 === "..") {
        if (name2 === "..") dir = this.parentOf(dir);
        if (last) return { dir, name: ".", node: dir, trailingSlash };
        continue;
      }
      if (name2.length > NAME_MAX && Buffer.byteLength(name2) > NAME_MAX) return "ENAMETOOLONG";
      if (options.readOnly && dir instanceof Inode && !trailingSlash) {
        const fast = this.fastDiskLookup(dir, name2, pending, options.followLast);
        if (fast !== void 0) return fast;
      }
      let node;
      try {
        node = this.child(dir, name2);
      } catch (error) {
        const code = error.code;
        if (typeof code === "string") return code;
        throw error;
      }
      if (node === void 0) {
        if (last) return { dir, name: name2, node: void 0, trailingSlash };
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
        return { dir, name: name2, node, trailingSlash };
      }
      if (type !== S_IFDIR2) return "ENOTDIR";
      dir = node;
    }
    return { dir: this.root, name: ".", node: this.root, trailingSlash };
  }
  /**
   * The disk path that `path` names when the merged view leaves the upper tree into untouched disk directories with
   * no symlink on the way (the last component itself is not checked: the caller reads it without following).
   * `throughDiskSymlinks`: a symlinked disk folder on the way is followed once to its real location, which must then
   * qualify in turn (the answer is then not the path's own spelling: not for realpath). Undefined when the question
   * needs the full walk. Only for a process whose permissions the disk enforces itself.
   */
  fastDiskPath(path2, throughDiskSymlinks) {
    if (path2.charCodeAt(0) !== 47) return this.diskPathOf(path2, throughDiskSymlinks, 0);
    if (this.diskPathsVersion !== upperShape.version) {
      this.diskPaths.clear();
      this.diskPathsThroughLinks.clear();
      this.diskPathsVersion = upperShape.version;
    }
    const memo = throughDiskSymlinks ? this.diskPathsThroughLinks : this.diskPaths;
    const known = memo.get(path2);
    if (known !== void 0) return known === null ? void 0 : known;
    const answer = this.diskPathOf(path2, throughDiskSymlinks, 0);
    if (memo.size >= DISK_PATHS_MAX) memo.clear();
    memo.set(path2, answer ?? null);
    return answer;
  }
  /** fastDiskPath, worked out. */
  diskPathOf(path2, throughDiskSymlinks, symlinksFollowed) {
    if (this.lower.realpath === void 0 || path2.length >= PATH_MAX) return void 0;
    const absolute = path2.charCodeAt(0) === 47 ? path2 : this.cwd() + "/" + path2;
    if (absolute.charCodeAt(absolute.length - 1) === 47) return void 0;
    if (!absolute.includes("//") && !absolute.includes("/.")) return this.plainFastDiskPath(absolute, throughDiskSymlinks, symlinksFollowed);
    const parts = componentsReversed(absolute);
    let dir = this.root;
    const checkSearch = this.identity.uid !== 0;
    while (parts.length > 0) {
      const name2 = parts.pop();
      if (name2 === "." || name2 === "..") return void 0;
      if (checkSearch && !mayAccess(this.identity, dir, X_OK)) return void 0;
      const entry = dir.entries.get(name2);
      if (entry === null) return void 0;
      if (entry !== void 0) {
        if (!entry.isDirectory) return void 0;
        dir = entry;
        continue;
      }
      if (dir.lower === null || dir.revealed !== null && dir.revealed.has(name2)) return void 0;
      let diskPath = dir.lower === "/" ? "/" + name2 : dir.lower + "/" + name2;
      if (parts.length === 0) return diskPath;
      for (let i = parts.length - 1; i >= 1; i--) {
        const c2 = parts[i];
        if (c2 === "." || c2 === "..") return void 0;
        diskPath += "/" + c2;
      }
      const last = parts[0];
      if (last === "." || last === ".." || last.length > NAME_MAX) return void 0;
      const real = this.realDiskDir(diskPath);
      if (real === diskPath) return diskPath + "/" + last;
      if (real === void 0 || !throughDiskSymlinks || symlinksFollowed > 0) return void 0;
      return this.diskPathOf(real === "/" ? "/" + last : real + "/" + last, true, symlinksFollowed + 1);
    }
    return void 0;
  }
  /**
   * fastDiskPath for the common spelling: absolute, no doubled slash, no name starting with a dot (so no '.' or '..'),
   * no trailing slash. The same answers, without splitting the path into an array: the upper part is walked name by
   * name, the disk part taken as one slice (stat and module resolution ask this for every path).
   */
  plainFastDiskPath(absolute, throughDiskSymlinks, symlinksFollowed) {
    const lastSlash = absolute.lastIndexOf("/");
    let dir = this.root;
    const checkSearch = this.identity.uid !== 0;
    let start = 1;
    while (start < absolute.length) {
      let end = absolute.indexOf("/", start);
      if (end === -1) end = absolute.length;
      const name2 = absolute.slice(start, end);
      if (checkSearch && !mayAccess(this.identity, dir, X_OK)) return void 0;
      const entry = dir.entries.get(name2);
      if (entry === null) return void 0;
      if (entry !== void 0) {
        if (!entry.isDirectory) return void 0;
        dir = entry;
        start = end + 1;
        continue;
      }
      if (dir.lower === null) return void 0;
      if (dir.lower === (start === 1 ? "/" : absolute.slice(0, start - 1))) {
        if (end === absolute.length) return absolute;
        if (absolute.length - lastSlash - 1 > NAME_MAX) return void 0;
        const ownDir = absolute.slice(0, lastSlash);
        const ownReal = this.realDiskDir(ownDir);
        if (ownReal === ownDir) return absolute;
        if (ownReal === void 0 || !throughDiskSymlinks || symlinksFollowed > 0) return void 0;
        const ownLast = absolute.slice(lastSlash + 1);
        return this.diskPathOf(ownReal === "/" ? "/" + ownLast : ownReal + "/" + ownLast, true, symlinksFollowed + 1);
      }
      if (dir.revealed !== null && dir.revealed.has(name2)) return void 0;
      const diskPath = dir.lower === "/" ? "/" + name2 : dir.lower + "/" + name2;
      if (end === absolute.length) return diskPath;
      const diskDir = end === lastSlash ? diskPath : diskPath + absolute.slice(end, lastSlash);
      if (absolute.length - lastSlash - 1 > NAME_MAX) return void 0;
      const last = absolute.slice(lastSlash + 1);
      const real = this.realDiskDir(diskDir);
      if (real === diskDir) return diskDir + "/" + last;
      if (real === void 0 || !throughDiskSymlinks || symlinksFollowed > 0) return void 0;
      return this.diskPathOf(real === "/" ? "/" + last : real + "/" + last, true, symlinksFollowed + 1);
    }
    return void 0;
  }
  isPlainDiskDir(diskPath) {
    return this.realDiskDir(diskPath) === diskPath;
  }
  /** undefined when the disk cannot resolve it (missing, not a directory, not searchable). */
  realDiskDir(diskPath) {
    let real = this.realDirs.get(diskPath);
    if (real !== void 0) return real;
    try {
      real = this.lower.realpath(diskPath);
    } catch {
      return void 0;
    }
    if (this.realDirs.size >= PLAIN_DIRS_MAX) this.realDirs.clear();
    this.realDirs.set(diskPath, real);
    return real;
  }
  /**
   * The untouched-read fast path: when the walk leaves the upper tree into a plain disk directory, the rest of the
   * path is the disk's own business -- provided no disk component is a symlink (which could point back into
   * changed regions). One realpath per directory (remembered) proves that; then one lstat answers. Undefined means
   * "take the slow walk". Limit: a disk directory replaced by a symlink during the run by another program is not
   * noticed by the memo.
   */
  fastDiskLookup(dir, name2, pending, followLast) {
    if (dir.lower === null || dir.entries.has(name2) || this.lower.realpath === void 0) return void 0;
    for (let i = 0; i < pending.length; i++) {
      const c2 = pending[i];
      if (c2 === "." || c2 === ".." || c2.length > NAME_MAX) return void 0;
    }
    if (pending.length === 0) return void 0;
    let parentDisk = dir.lower === "/" ? "/" + name2 : dir.lower + "/" + name2;
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
      if (inode.contentFrom !== null) this.lazyContent.add(inode);
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
      if ((node.stat.mode & S_IFMT2) !== S_IFDIR2) this.diskFileCopies++;
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
    let current2 = shortcut.parent;
    for (const name2 of [...shortcut.name.split("/"), node.name]) {
      const next = this.child(current2, name2);
      if (next === void 0) return void 0;
      current2 = next;
    }
    const stat2 = current2 instanceof Inode ? current2 : current2.stat;
    return stat2.ino === node.stat.ino && stat2.dev === node.stat.dev ? current2 : void 0;
  }
  /** A disk file that has no reachable name any more but is still open: its copy-up has no name either. */
  copyUpNameless(node) {
    const inode = this.inodeFromDisk(node.stat, node.path);
    this.upperByDiskIno.set(inode.ino, inode);
    if ((node.stat.mode & S_IFMT2) !== S_IFDIR2) this.diskFileCopies++;
    return inode;
  }
  /** Makes `dir` (a directory found by a walk) an upper directory. */
  toUpperDir(dir) {
    return this.toUpper(dir);
  }
  /** Puts `inode` at `name` in `dir`; `coversDisk`: a disk entry of that name exists and must stay hidden. */
  setEntry(dir, name2, inode, coversDisk) {
    const entries = dir.entries;
    if (coversDisk || entries.get(name2) === null) dir.covered.add(name2);
    entries.set(name2, inode);
    inode.addLink(dir, name2);
  }
  /** Takes the entry `name` out of `dir`, leaving a whiteout if it hid a disk entry. */
  removeEntry(dir, name2) {
    const entries = dir.entries;
    const inode = entries.get(name2);
    if (inode) inode.removeLink(dir, name2);
    if (dir.covered.has(name2)) entries.set(name2, null);
    else entries.delete(name2);
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
    this.diskFileCopies++;
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
  entryPath(dir, name2) {
    return joinPath(this.pathOf(dir) ?? "/", name2);
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
    for (const [name2, upper] of entries) {
      if (upper === null || seen?.has(name2)) continue;
      out.push({ name: name2, node: upper, type: direntTypeOf(upper.mode) });
    }
    if (dir.revealed !== null) this.listRevealed(dir, out);
    return out;
  }
  /** What other processes put in `dir` (its revealed names) and this process has not listed from `lower` already. */
  listRevealed(dir, out) {
    const listed = new Set(out.map((e) => e.name));
    for (const name2 of dir.revealed) {
      if (listed.has(name2) || dir.entries.has(name2)) continue;
      const stat2 = this.tryLstat(this.entryPath(dir, name2));
      if (stat2 !== void 0) out.push({ name: name2, node: void 0, type: direntTypeOf(stat2.mode) });
    }
  }
  /** Something below changed its shape (another process's change): what was learnt of the disk's folders may not hold. */
  forgetDiskShapes() {
    this.realDirs.clear();
    upperShape.version++;
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
function componentsReversed(path2) {
  const out = [];
  let end = path2.length;
  for (let i = path2.length - 1; i >= -1; i--) {
    if (i === -1 || path2.charCodeAt(i) === 47) {
      if (end > i + 1) out.push(path2.slice(i + 1, end));
      end = i;
    }
  }
  return out;
}
function joinPath(dir, name2) {
  if (name2 === "." || name2 === "") return dir;
  return dir === "/" ? "/" + name2 : dir + "/" + name2;
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
  const diskStat = (path2) => {
    if (lower.tryLstat) return lower.tryLstat(path2);
    try {
      return lower.lstat(path2);
    } catch {
      return void 0;
    }
  };
  const fromInode = (inode, path2, change, contentChanged, metadataChanged) => {
    const stat2 = inode.stat();
    const entry = {
      path: path2,
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
  const fromDisk = (stat2, diskPath, path2, change) => {
    const entry = {
      path: path2,
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
  const diskSubtreeCreated = (diskDir, path2) => {
    for (const e of lower.readdir(diskDir)) {
      const diskPath = joinPath(diskDir, e.name);
      const stat2 = diskStat(diskPath);
      if (stat2 === void 0) continue;
      out.push(fromDisk(stat2, diskPath, joinPath(path2, e.name), "created"));
      if ((stat2.mode & S_IFMT2) === S_IFDIR2) diskSubtreeCreated(diskPath, joinPath(path2, e.name));
    }
  };
  const pushIfModified = (entry, path2, before2) => {
    const sameInode = entry.originPath === path2 && entry.ino === before2.ino && entry.dev === before2.dev;
    const sameType = (entry.mode & S_IFMT2) === (before2.mode & S_IFMT2);
    let contentChanged;
    if (!sameType) contentChanged = true;
    else if (entry.isFile) {
      contentChanged = entry.contentFrom === path2 ? false : sameInode && !entry.contentChanged ? false : !contents.readAll(entry).equals(lower.readFile(path2));
    } else if (entry.isSymlink) contentChanged = entry.target !== lower.readlink(path2);
    else contentChanged = false;
    const metadataChanged = entry.mode !== before2.mode || entry.uid !== before2.uid || entry.gid !== before2.gid || entry.metadataChanged && (entry.mtimeNs !== before2.mtimeNs || entry.atimeNs !== before2.atimeNs);
    if (contentChanged || metadataChanged) out.push(fromInode(entry, path2, "modified", contentChanged, metadataChanged));
  };
  const visit = (dir, path2, diskIsDir) => {
    const entries = dir.entries;
    const inPlace = dir.lower === path2;
    if (dir.lower !== null && !inPlace) {
      for (const e of lower.readdir(dir.lower)) {
        if (entries.has(e.name)) continue;
        const diskPath = joinPath(dir.lower, e.name);
        const stat2 = diskStat(diskPath);
        if (stat2 === void 0) continue;
        out.push(fromDisk(stat2, diskPath, joinPath(path2, e.name), "created"));
        if ((stat2.mode & S_IFMT2) === S_IFDIR2) diskSubtreeCreated(diskPath, joinPath(path2, e.name));
      }
    }
    if (diskIsDir && !inPlace) {
      const shown = dir.lower !== null ? new Set(lower.readdir(dir.lower).map((e) => e.name)) : void 0;
      for (const e of lower.readdir(path2)) {
        if (entries.has(e.name) || shown?.has(e.name)) continue;
        const stat2 = diskStat(joinPath(path2, e.name));
        if (stat2 !== void 0) out.push(fromDisk(stat2, joinPath(path2, e.name), joinPath(path2, e.name), "deleted"));
      }
    }
    for (const [name2, entry] of entries) {
      const childPath = joinPath(path2, name2);
      const mayBeOnDisk = diskIsDir && (!inPlace || dir.covered.has(name2));
      const before2 = mayBeOnDisk ? diskStat(childPath) : void 0;
      if (entry === null) {
        if (before2 !== void 0) out.push(fromDisk(before2, childPath, childPath, "deleted"));
        continue;
      }
      if (before2 === void 0) out.push(fromInode(entry, childPath, "created", false, false));
      else pushIfModified(entry, childPath, before2);
      if (entry.isDirectory) visit(entry, childPath, before2 !== void 0 && (before2.mode & S_IFMT2) === S_IFDIR2);
    }
  };
  visit(tree.root, "/", true);
  const listed = new Set(out.map((e) => e.path));
  for (const inode of tree.hardLinkedCopies()) {
    for (const alias of inode.diskAliases) {
      if (listed.has(alias)) continue;
      const found = tree.walk(alias, { followLast: false, readOnly: false });
      const before2 = diskStat(alias);
      if (typeof found === "string" || found.node !== inode || before2 === void 0) continue;
      pushIfModified(inode, alias, before2);
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
    const processOwn = processIdentity();
    this.identity = options.identity ?? processOwn;
    this.diskEnforcesIdentity = options.lower.readFileNoFollow !== void 0 && this.identity.uid === processOwn.uid && this.identity.gid === processOwn.gid;
    this.umask = options.umask ?? (() => process.umask());
    this.now = options.now ?? wallClockNs;
    this.observer = options.observer;
    this.cwd = options.cwd ?? (() => process.cwd());
    this.tree = new MergedTree(options.lower, this.identity, this.cwd);
    this.contents = new ContentStore(options.lower, options.quotaBytes ?? Number.POSITIVE_INFINITY, options.spaceGuard);
    if (this.observer !== void 0) {
      this.contents.onRefused = (inode, requestedBytes, path2, by) => {
        const where = inode === void 0 ? path2 : this.tree.pathOf(inode);
        if (by === "quota") this.emitQuotaRefusal(where, requestedBytes);
        else this.emitSpaceRefusal(where, requestedBytes);
      };
    }
  }
  // ---- Resolution helpers --------------------------------------------------------------------------------------
  /** Resolves `path`; a failure is reported as `syscall` on `errorPath` (-> `dest`), the caller's wording. */
  lookup(path2, followLast, readOnly, syscall, errorPath = path2, dest) {
    const found = this.tree.walk(path2, { followLast, readOnly });
    if (typeof found === "string") throw uvError(found, syscall, errorPath, dest);
    return found;
  }
  lookupToCreate(path2, syscall, errorPath = path2, dest) {
    const found = this.tree.walk(path2, { followLast: false, readOnly: false, create: true });
    if (typeof found === "string") throw uvError(found, syscall, errorPath, dest);
    return found;
  }
  /** O_CREAT without O_EXCL follows a final symlink (creating a dangling link's target), slash or not. */
  lookupCreateFollowing(path2, syscall) {
    const trailing = path2.length > 1 && path2.charCodeAt(path2.length - 1) === 47;
    if (trailing) return this.lookupToCreate(path2, syscall);
    return this.lookup(path2, true, false, syscall);
  }
  existing(path2, followLast, syscall) {
    const found = this.lookup(path2, followLast, true, syscall);
    if (found.node === void 0) throw uvError("ENOENT", syscall, path2);
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
  emitQuotaRefusal(path2, requestedBytes) {
    this.observer?.onChange({ kind: "quota-exceeded", path: path2 ?? "", requestedBytes, quotaBytes: this.quotaBytes() });
  }
  emitSpaceRefusal(path2, requestedBytes) {
    this.observer?.onChange({ kind: "space-refused", path: path2 ?? "", requestedBytes });
  }
  absolutePath(path2) {
    return path2.charCodeAt(0) === 47 ? path2 : joinPath(this.cwd(), path2);
  }
  emitContent(inode) {
    if (this.observer === void 0) return;
    const path2 = this.tree.pathOf(inode);
    if (path2 === void 0) return;
    const unchangedPrefix = inode.contentReported ? Math.min(inode.changedFrom, inode.size) : 0;
    inode.contentReported = true;
    inode.unsavedReported = false;
    inode.changedFrom = Number.POSITIVE_INFINITY;
    if (unchangedPrefix > 0) this.observer.onChange({ kind: "content", path: path2, ino: inode.ino, unchangedPrefix });
    else this.observer.onChange({ kind: "content", path: path2, ino: inode.ino });
  }
  /**
   * A descriptor changed its inode's bytes. The first such change since the last `content` report is announced, so
   * that the journal knows which files a process killed now would lose; later writes cost one field read.
   */
  markDirty(d, inode) {
    d.dirty = true;
    if (inode.unsavedReported || this.observer === void 0) return;
    inode.unsavedReported = true;
    const path2 = this.tree.pathOf(inode);
    if (path2 !== void 0) this.observer.onChange({ kind: "unsaved", path: path2, ino: inode.ino });
  }
  emitMetadata(inode) {
    upperShape.version++;
    if (this.observer === void 0) return;
    const path2 = this.tree.pathOf(inode);
    if (path2 !== void 0) this.observer.onChange({ kind: "metadata", path: path2 });
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
    this.observer?.beforeForget?.(inode.ino);
    this.contents.release(inode);
    if (this.byIno.get(inode.ino) === inode) this.byIno.delete(inode.ino);
  }
  /** Removes the entry `name` (holding `node`) from `dir`, leaving a whiteout where the disk had that name. */
  detach(dir, name2, node, t) {
    const entry = dir.entries.get(name2);
    if (entry !== void 0 && entry !== null && entry === node) this.tree.removeEntry(dir, name2);
    else if (node instanceof LowerNode) {
      const orphan = this.tree.hideDiskEntry(dir, node);
      if (orphan !== void 0) orphan.ctimeNs = t;
    } else {
      dir.entries.set(name2, null);
      dir.covered.add(name2);
    }
  }
  /** Whether a directory shows no entry in the merged view. */
  isEmptyDir(node) {
    if (node instanceof LowerNode) return this.tree.lower.readdir(node.path).length === 0;
    for (const entry of node.entries.values()) if (entry !== null) return false;
    if (node.revealed !== null) {
      for (const name2 of node.revealed) {
        if (!node.entries.has(name2) && this.tree.tryLstat(this.tree.entryPath(node, name2)) !== void 0) return false;
      }
    }
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
  open(path2, flags, mode = 438) {
    const { inode, lowerNode, created, truncated } = this.openNode(path2, flags, mode, "open");
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
      if (created || truncated) this.markDirty(d, inode);
    }
    return this.fds.add(d);
  }
  /**
   * open(2)'s path half: find or create the file, check what the kernel checks in its order, copy up when the
   * descriptor may write, truncate when asked. Read-only opens of disk files return the disk node untouched.
   * `beforeChange`: called once the lookup and the kernel's checks passed, before anything is created, copied up or
   * truncated, with the file found (undefined: about to be made); it may throw (writeFile asks the space guard there).
   */
  openNode(path2, flags, mode, syscall, beforeChange) {
    const access2 = flags & O_ACCMODE;
    const create = (flags & O_CREAT) !== 0;
    if (create && (flags & O_DIRECTORY) !== 0) throw uvError("EINVAL", syscall, path2);
    const exclusive = create && (flags & O_EXCL) !== 0;
    const truncate2 = (flags & O_TRUNC) !== 0;
    const writes = access2 === O_WRONLY || access2 === O_RDWR || truncate2;
    const follow = (flags & O_NOFOLLOW) === 0 && !exclusive;
    const found = create && !exclusive && follow ? this.lookupCreateFollowing(path2, syscall) : create ? this.lookupToCreate(path2, syscall) : this.lookup(path2, follow, !writes, syscall);
    if (create && found.trailingSlash) throw uvError("EISDIR", syscall, path2);
    const node = found.node;
    if (node === void 0) {
      if (!create) throw uvError("ENOENT", syscall, path2);
      if (!this.mayChangeEntries(found.dir)) throw uvError("EACCES", syscall, path2);
      beforeChange?.(void 0);
      const t = this.now();
      const parent = this.upper(found.dir);
      const inode2 = this.newInode(parent, S_IFREG | mode & ~this.umask() & 4095, t);
      this.tree.setEntry(parent, found.name, inode2, false);
      this.touch(parent, t);
      return { inode: inode2, lowerNode: null, created: true, truncated: false };
    }
    if (exclusive) throw uvError("EEXIST", syscall, path2);
    const type = modeOf(node) & S_IFMT2;
    if (type === S_IFLNK) throw uvError("ELOOP", syscall, path2);
    if (type === S_IFDIR2) {
      if (create || writes) throw uvError("EISDIR", syscall, path2);
    } else if ((flags & O_DIRECTORY) !== 0) throw uvError("ENOTDIR", syscall, path2);
    const want = (access2 !== O_WRONLY ? R_OK : 0) | (writes ? W_OK : 0);
    if (!mayAccess(this.identity, this.owned(node), want)) throw uvError("EACCES", syscall, path2);
    if (!writes) {
      if (node instanceof Inode) return { inode: node, lowerNode: null, created: false, truncated: false };
      return { inode: null, lowerNode: node, created: false, truncated: false };
    }
    beforeChange?.(node);
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
  readDisk(path2, buffer, offset, length, position) {
    const disk = this.tree.lower;
    const fd = disk.openForRead(path2);
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
    this.markDirty(d, inode);
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
    this.markDirty(d, inode);
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
    const current2 = this.currentInode(d);
    if (current2 !== void 0) return current2;
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
  /**
   * Another process of the run changed these paths, later than this one last did (the caller judged that): stop
   * hiding them, so that the layer below -- the run's view, which has the change -- shows through. What this process
   * held there goes (a descriptor still open keeps its file, as on a disk after another process's rename over it),
   * and a folder this process made itself learns the name, which its own `lower` (none) would not show.
   */
  reveal(paths) {
    this.tree.forgetDiskShapes();
    for (const { path: path2, shallow } of paths) this.revealOne(path2, shallow);
  }
  /**
   * The layer below may now hold something at these paths (another process's change, or this process's own, read
   * into the run layer in the clock's order with the others'): an entry this process holds there now hides it, so
   * removing that entry must leave a whiteout -- without one, what is below would show through again (a folder this
   * process made and then removed, listed again after another process wrote beside it).
   */
  coverBelow(paths) {
    for (const path2 of paths) {
      const names = path2.split("/").filter((name2) => name2 !== "");
      const last = names.pop();
      if (last === void 0) continue;
      let dir = this.tree.root;
      for (const name2 of names) {
        const entry2 = dir.entries.get(name2);
        dir = entry2 !== void 0 && entry2 !== null && entry2.isDirectory ? entry2 : void 0;
        if (dir === void 0) break;
      }
      const entry = dir?.entries.get(last);
      if (entry !== void 0 && entry !== null) dir.covered.add(last);
    }
  }
  /**
   * The layer below is about to change at these paths: a file this process copied up whose bytes it still reads from
   * there by path (a file it renamed or chmod-ed, never read) reads them in first, so that it keeps its own bytes.
   */
  keepOwnBytes(paths) {
    const changes2 = (from) => paths.some((p2) => from === p2 || from.startsWith(p2) && from.charCodeAt(p2.length) === 47);
    for (const inode of [...this.byIno.values()]) {
      if (inode.isDirectory && inode.lower !== null && changes2(inode.lower) && inode.lower !== this.tree.pathOf(inode)) {
        this.takeInFolder(inode);
      }
    }
    for (const inode of this.tree.lazyContent) {
      const from = inode.contentFrom;
      if (from === null) {
        this.tree.lazyContent.delete(inode);
        continue;
      }
      if (!changes2(from)) continue;
      try {
        this.contents.readInNow(inode);
      } catch {
      }
      this.tree.lazyContent.delete(inode);
    }
  }
  /** Copies up every entry a folder shows from below, folders below it too, with their bytes; it reads below no more. */
  takeInFolder(dir) {
    if (dir.lower === null) return;
    for (const e of this.tree.list(dir)) {
      if (e.node !== void 0) continue;
      const child = this.tree.child(dir, e.name);
      if (child === void 0 || child instanceof Inode) continue;
      const inode = this.upper(child);
      if (inode.isDirectory) this.takeInFolder(inode);
      else if (inode.contentFrom !== null) {
        try {
          this.contents.readInNow(inode);
        } catch {
        }
      }
    }
    dir.lower = null;
    dir.opaque = true;
    upperShape.version++;
  }
  /** `shallow`: a folder this process holds at `path` stays as it is (the change was to the folder alone). */
  revealOne(path2, shallow) {
    const names = path2.split("/").filter((name2) => name2 !== "");
    let dir = this.tree.root;
    for (let i = 0; i < names.length; i++) {
      const name2 = names[i];
      const entry = dir.entries.get(name2);
      if (entry !== void 0 && entry !== null && entry.isDirectory && i < names.length - 1) {
        dir = entry;
        continue;
      }
      if (shallow && entry != null && entry.isDirectory) return;
      if (entry !== void 0) {
        if (entry !== null) this.releaseTree(dir, name2, entry);
        dir.entries.delete(name2);
        dir.covered.delete(name2);
      }
      (dir.revealed ??= /* @__PURE__ */ new Set()).add(name2);
      upperShape.version++;
      return;
    }
  }
  /** Lets go of what this process held at `dir/name` (and below it), as a removal would, without a change to record. */
  releaseTree(dir, name2, inode) {
    const t = this.now();
    if (inode.isDirectory) {
      for (const [childName, child] of inode.entries) if (child !== null) this.releaseTree(inode, childName, child);
    }
    inode.removeLink(dir, name2);
    this.dropLink(inode, t);
  }
  isOverlayFd(fd) {
    return this.fds.has(fd);
  }
  // ---- Metadata by path ----------------------------------------------------------------------------------------
  stat(path2) {
    return this.statUntouched(path2, true) ?? statOf(this.existing(path2, true, "stat"));
  }
  lstat(path2) {
    return this.statUntouched(path2, false) ?? statOf(this.existing(path2, false, "lstat"));
  }
  /**
   * One lstat for a path in untouched disk directories: the record, null when nothing is there (certain: the
   * merged view there is the disk's), undefined when the full walk must answer.
   */
  statUntouched(path2, follow, throughDiskSymlinks = true) {
    if (!this.diskEnforcesIdentity) return void 0;
    const diskPath = this.tree.fastDiskPath(path2, throughDiskSymlinks);
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
  /**
   * The disk path `path` names when the merged view there is the disk's own (no upper state on the way, no symlinked
   * disk folder left unresolved): the caller may then ask the disk directly, provided it does not follow a symlink in
   * the last name and turns away a file with several names while `hasDiskCopies()`. Undefined: ask the engine.
   * `throughDiskSymlinks` false: only a path whose own disk folders hold no symlink (its realpath is its spelling).
   */
  untouchedDiskPath(path2, throughDiskSymlinks = true) {
    if (!this.diskEnforcesIdentity) return void 0;
    const lower = this.tree.lower;
    if (lower.answersAsDisk === true) return this.tree.fastDiskPath(path2, throughDiskSymlinks);
    if (lower.answersAsDiskAt === void 0) return void 0;
    const diskPath = this.tree.fastDiskPath(path2, throughDiskSymlinks);
    return diskPath !== void 0 && lower.answersAsDiskAt(diskPath) ? diskPath : void 0;
  }
  /**
   * Whether the merged view is the disk's own at every path: this process changed nothing in memory (or let go of all
   * of it), the layer below holds nothing of its own (no other process's change read yet), and the disk checks this
   * process's permissions itself. Then Node's own fs answers every question exactly, a symlink's target included.
   */
  answersAsDiskEverywhere() {
    if (!this.diskEnforcesIdentity || !this.tree.holdsNothing()) return false;
    const lower = this.tree.lower;
    return lower.answersAsDisk === true || lower.answersAsDiskEverywhere?.() === true;
  }
  /** Whether some disk file was copied up: one of its other disk names then names the copy, not the disk file. */
  hasDiskCopies() {
    return this.tree.hasDiskCopies();
  }
  tryStat(path2, followLast) {
    const fast = this.statUntouched(path2, followLast);
    if (fast !== void 0) return fast ?? void 0;
    const found = this.tree.walk(path2, { followLast, readOnly: true });
    if (typeof found === "string") {
      if (found === "ENOENT" || found === "ENOTDIR") return void 0;
      throw uvError(found, followLast ? "stat" : "lstat", path2);
    }
    return found.node === void 0 ? void 0 : statOf(found.node);
  }
  access(path2, mode) {
    const node = this.existing(path2, true, "access");
    const want = mode & (R_OK | W_OK | X_OK);
    if (want !== 0 && !mayAccess(this.identity, this.owned(node), want)) throw uvError("EACCES", "access", path2);
  }
  exists(path2) {
    const fast = this.statUntouched(path2, true);
    if (fast !== void 0) return fast !== null;
    const found = this.tree.walk(path2, { followLast: true, readOnly: true });
    return typeof found !== "string" && found.node !== void 0;
  }
  chmod(path2, mode) {
    const node = this.lookupForChange(path2, true, "chmod");
    if (!isOwnerOrRoot(this.identity, this.owned(node))) throw uvError("EPERM", "chmod", path2);
    this.changeMode(this.upper(node), mode);
  }
  lookupForChange(path2, follow, syscall) {
    const found = this.lookup(path2, follow, false, syscall);
    if (found.node === void 0) throw uvError("ENOENT", syscall, path2);
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
  chown(path2, uid, gid) {
    this.chownAt(path2, uid, gid, true, "chown");
  }
  lchown(path2, uid, gid) {
    this.chownAt(path2, uid, gid, false, "lchown");
  }
  chownAt(path2, uid, gid, follow, syscall) {
    const node = this.lookupForChange(path2, follow, syscall);
    this.checkChown(node, uid, gid, syscall, path2);
    this.changeOwner(this.upper(node), uid, gid);
  }
  checkChown(node, uid, gid, syscall, path2) {
    if (this.identity.uid === 0) return;
    const o = this.owned(node);
    const owner = this.identity.uid === o.uid;
    const uidRefused = uid !== -1 && !(owner && uid === o.uid);
    const gidRefused = gid !== -1 && !(owner && (gid === o.gid || inGroup(this.identity, gid)));
    if (uidRefused || gidRefused) throw uvError("EPERM", syscall, path2);
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
  utimes(path2, atimeNs, mtimeNs) {
    this.utimesAt(path2, atimeNs, mtimeNs, true, "utime");
  }
  lutimes(path2, atimeNs, mtimeNs) {
    this.utimesAt(path2, atimeNs, mtimeNs, false, "lutime");
  }
  utimesAt(path2, atimeNs, mtimeNs, follow, syscall) {
    const node = this.lookupForChange(path2, follow, syscall);
    if (!isOwnerOrRoot(this.identity, this.owned(node))) throw uvError("EPERM", syscall, path2);
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
  readFile(path2, flags = 0) {
    if (flags === 0 && this.diskEnforcesIdentity) {
      const fast = this.readUntouched(path2);
      if (fast !== void 0) return fast;
    }
    if ((flags & (O_CREAT | O_TRUNC | O_ACCMODE)) === 0) {
      const found = this.lookup(path2, (flags & O_NOFOLLOW) === 0, true, "open");
      const node = found.node;
      if (node === void 0) throw uvError("ENOENT", "open", path2);
      if (isSymlink(node)) throw uvError("ELOOP", "open", path2);
      if (!mayAccess(this.identity, this.owned(node), R_OK)) throw uvError("EACCES", "open", path2);
      if (isDirectory(node)) throw uvError("EISDIR", "read");
      if (node instanceof Inode) return this.contents.readAll(node, "open", path2);
      try {
        return this.tree.lower.readFile(node.path);
      } catch (error) {
        throw this.diskError(error, "open", path2);
      }
    }
    const fd = this.open(path2, flags, 438);
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
  readUntouched(path2) {
    const diskPath = this.tree.fastDiskPath(path2, true);
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
  diskError(error, syscall, path2) {
    const code = codeOf(error);
    return code === void 0 ? error : uvError(code, syscall, path2);
  }
  writeFile(path2, data, flags, mode) {
    const appending = (flags & O_APPEND) !== 0;
    if (this.contents.used + data.byteLength > this.quotaLeftFor(path2, flags)) {
      this.openNodeDryRun(path2, flags);
      this.emitQuotaRefusal(this.absolutePath(path2), data.byteLength);
      throw uvError("ENOSPC", "write");
    }
    const guard = this.contents.guard;
    const admit = guard === void 0 || data.byteLength === 0 ? void 0 : (node) => {
      const bytes = this.journalBytesOfWriteFile(node, data.byteLength, flags);
      if (bytes <= 0 || guard.admit(bytes)) return;
      const where = node instanceof Inode ? this.tree.pathOf(node) : node instanceof LowerNode ? node.path : void 0;
      this.emitSpaceRefusal(where ?? this.absolutePath(path2), bytes);
      throw uvError("ENOSPC", "write");
    };
    const { inode } = this.openNode(path2, flags, mode, "open", admit);
    const access2 = flags & O_ACCMODE;
    if (access2 !== O_WRONLY && access2 !== O_RDWR) throw uvError("EBADF", "write");
    const target = inode;
    if (data.byteLength > 0) {
      if (appending) this.contents.write(target, data, 0, data.byteLength, target.size, "write", true);
      else if (target.size === 0 && target.contentFrom === null) this.contents.replace(target, data, "write", true);
      else this.contents.write(target, data, 0, data.byteLength, 0, "write", true);
      this.touch(target, this.now());
      this.dropPrivileges(target);
      target.contentChanged = true;
    }
    this.emitContent(target);
  }
  /**
   * What a writeFile of `length` bytes to `node` (undefined: a new file) adds to the journal: a new or truncated
   * file its bytes, an append to a file journaled before its own bytes, any write to a disk file the whole file.
   */
  journalBytesOfWriteFile(node, length, flags) {
    if (node === void 0) return this.contents.journalBytes(void 0, length, 0);
    const inode = node instanceof Inode ? node : void 0;
    const size = (flags & O_TRUNC) !== 0 ? 0 : node instanceof Inode ? node.size : node.stat.size;
    const from = (flags & O_APPEND) !== 0 ? size : 0;
    const pending = inode === void 0 || inode.changedFrom === Number.POSITIVE_INFINITY ? 0 : this.contents.journalBytes(inode, inode.size, inode.changedFrom);
    return this.contents.journalBytes(inode, Math.max(size, from + length), from) - pending;
  }
  /** The quota as seen by a whole-file write to `path`: what truncating its current content would free counts. */
  quotaLeftFor(path2, flags) {
    const quota = this.quotaBytes();
    if (quota === Number.POSITIVE_INFINITY || (flags & O_TRUNC) === 0) return quota;
    const found = this.tree.walk(path2, { followLast: true, readOnly: true });
    if (typeof found !== "string" && found.node instanceof Inode) return quota + found.node.held;
    return quota;
  }
  quotaBytes() {
    return this.contents.quota;
  }
  /** Raises the error open would raise for these arguments, without changing anything. */
  openNodeDryRun(path2, flags) {
    const found = this.lookup(path2, (flags & O_NOFOLLOW) === 0 && (flags & O_EXCL) === 0, true, "open");
    if (found.node === void 0) {
      if ((flags & O_CREAT) === 0) throw uvError("ENOENT", "open", path2);
      if (!this.mayChangeEntries(found.dir)) throw uvError("EACCES", "open", path2);
      return;
    }
    if ((flags & O_CREAT) !== 0 && (flags & O_EXCL) !== 0) throw uvError("EEXIST", "open", path2);
    if (isDirectory(found.node)) throw uvError("EISDIR", "open", path2);
    if (!mayAccess(this.identity, this.owned(found.node), W_OK)) throw uvError("EACCES", "open", path2);
  }
  truncate(path2, length) {
    const found = this.lookup(path2, true, false, "open");
    const node = found.node;
    if (node === void 0) throw uvError("ENOENT", "open", path2);
    if (isDirectory(node)) throw uvError("EISDIR", "open", path2);
    if (!mayAccess(this.identity, this.owned(node), W_OK)) throw uvError("EACCES", "open", path2);
    if (length < 0) throw uvError("EINVAL", "ftruncate");
    const inode = node instanceof Inode ? node : void 0;
    if (node instanceof LowerNode && length > 0) {
      this.contents.ensureRoom(inode, Math.min(length, node.stat.size), "ftruncate", node.path);
      this.contents.ensureJournalRoom(void 0, length, 0, "ftruncate", node.path);
    }
    const target = this.upper(node);
    this.contents.truncate(target, length, "ftruncate", node instanceof LowerNode);
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
    const journalBytes = this.contents.journalBytes(void 0, bytes.length, 0);
    if (this.contents.guard !== void 0 && journalBytes > 0 && !this.contents.guard.admit(journalBytes)) {
      this.emitSpaceRefusal(target instanceof Inode ? this.tree.pathOf(target) ?? this.absolutePath(dest) : this.absolutePath(dest), journalBytes);
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
    this.contents.replace(inode, bytes, "copyfile", true);
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
  mkdir(path2, mode, recursive) {
    if (!recursive) {
      this.makeDirectory(path2, mode);
      return void 0;
    }
    return this.makeDirectories(path2, mode);
  }
  makeDirectory(path2, mode, syscall = "mkdir", errorPath = path2) {
    const found = this.lookupToCreate(path2, syscall, errorPath);
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
  makeDirectories(path2, mode) {
    const missing = [];
    let current2 = path2;
    for (; ; ) {
      const found = this.tree.walk(current2, { followLast: true, readOnly: true });
      if (typeof found === "string") {
        if (found !== "ENOENT") throw uvError(found, "mkdir", path2);
      } else if (found.node !== void 0) {
        if (!isDirectory(found.node)) throw uvError(missing.length === 0 ? "EEXIST" : "ENOTDIR", "mkdir", path2);
        break;
      }
      missing.push(current2);
      const parent = parentPathOf(current2);
      if (parent === current2) break;
      current2 = parent;
    }
    let first;
    for (let i = missing.length - 1; i >= 0; i--) {
      const dir = missing[i];
      try {
        this.makeDirectory(dir, mode, "mkdir", path2);
      } catch (error) {
        if (codeOf(error) !== "EEXIST") throw error;
        const there = this.tree.walk(dir, { followLast: true, readOnly: true });
        if (typeof there !== "string" && there.node !== void 0) {
          if (isDirectory(there.node)) continue;
          throw uvError(i === 0 ? "EEXIST" : "ENOTDIR", "mkdir", path2);
        }
        throw uvError(typeof there === "string" ? there : "ENOENT", "mkdir", path2);
      }
      first ??= dir;
    }
    return first;
  }
  mkdtemp(prefix) {
    for (let attempt = 0; attempt < 100; attempt++) {
      let name2 = prefix;
      for (let i = 0; i < 6; i++) name2 += TEMP_CHARS[Math.floor(Math.random() * TEMP_CHARS.length)];
      try {
        this.makeDirectory(name2, 448, "mkdtemp", `${prefix}XXXXXX`);
        return name2;
      } catch (error) {
        if (codeOf(error) !== "EEXIST") throw error;
      }
    }
    throw uvError("EEXIST", "mkdtemp", `${prefix}XXXXXX`);
  }
  readdir(path2) {
    return this.listDirectory(path2, void 0);
  }
  /**
   * readdir's entries in the order `byName` gives them (Node's face lists folders by name). A folder only memory
   * holds -- no disk folder below it, nothing another process put in it -- is sorted once while the upper tree keeps
   * its shape (upperShape): a test that lists one folder in a loop pays for the sort once. One order per engine:
   * the memo assumes every caller passes the same `byName`.
   */
  readdirSorted(path2, byName2) {
    return this.listDirectory(path2, byName2);
  }
  /** Sorted listings of folders only memory holds, with the upperShape version they were read at. */
  sortedListings = /* @__PURE__ */ new WeakMap();
  listDirectory(path2, byName2) {
    const node = this.existing(path2, true, "scandir");
    if (!isDirectory(node)) throw uvError("ENOTDIR", "scandir", path2);
    if (!mayAccess(this.identity, this.owned(node), R_OK)) throw uvError("EACCES", "scandir", path2);
    try {
      if (node instanceof LowerNode) {
        const listed2 = this.tree.lower.readdir(node.path);
        return byName2 === void 0 ? listed2 : listed2.sort(byName2);
      }
      const inMemoryOnly = byName2 !== void 0 && node.lower === null && node.revealed === null;
      if (inMemoryOnly) {
        const memo = this.sortedListings.get(node);
        if (memo !== void 0 && memo.version === upperShape.version) return memo.entries.slice();
      }
      const version2 = upperShape.version;
      const listed = this.tree.list(node).map((e) => ({ name: e.name, type: e.type }));
      if (byName2 === void 0) return listed;
      listed.sort(byName2);
      if (inMemoryOnly) this.sortedListings.set(node, { version: version2, entries: listed.slice() });
      return listed;
    } catch (error) {
      throw this.diskError(error, "scandir", path2);
    }
  }
  rmdir(path2) {
    const last = lastComponent(path2);
    if (last === ".") throw uvError("EINVAL", "rmdir", path2);
    const found = this.lookupToCreate(path2, "rmdir");
    const node = found.node;
    if (node === void 0) throw uvError("ENOENT", "rmdir", path2);
    if (last === "..") throw uvError("ENOTEMPTY", "rmdir", path2);
    if (found.name === ".") throw uvError("EBUSY", "rmdir", path2);
    this.removeDirectory(found, node, "rmdir", path2);
    if (this.observer !== void 0) this.emit({ kind: "remove", path: this.entryPath(found) });
  }
  checkRemove(found, node, syscall, path2) {
    if (!this.mayChangeEntries(found.dir)) throw uvError("EACCES", syscall, path2);
    if (!mayRemoveFrom(this.identity, this.owned(found.dir), this.owned(node))) throw uvError("EPERM", syscall, path2);
  }
  /** `t`: the time of the whole removal (rm -r takes one reading of the clock, as a kernel's coarse clock gives one). */
  removeDirectory(found, node, syscall, path2, t) {
    this.checkRemove(found, node, syscall, path2);
    if (!isDirectory(node)) throw uvError("ENOTDIR", syscall, path2);
    if (!this.isEmptyDir(node)) throw uvError("ENOTEMPTY", syscall, path2);
    t ??= this.now();
    const parent = this.upper(found.dir);
    this.detach(parent, found.name, node, t);
    parent.nlink--;
    this.touch(parent, t);
    if (node instanceof Inode) this.dropLink(node, t);
  }
  unlink(path2) {
    const found = this.lookupToCreate(path2, "unlink");
    const node = found.node;
    if (node === void 0) throw uvError("ENOENT", "unlink", path2);
    if (found.trailingSlash) throw uvError(isDirectory(node) ? "EISDIR" : "ENOTDIR", "unlink", path2);
    if (found.name === ".") throw uvError("EISDIR", "unlink", path2);
    this.checkRemove(found, node, "unlink", path2);
    if (isDirectory(node)) throw uvError("EISDIR", "unlink", path2);
    this.removeFile(found, node);
    if (this.observer !== void 0) this.emit({ kind: "remove", path: this.entryPath(found) });
  }
  removeFile(found, node, t = this.now()) {
    const parent = this.upper(found.dir);
    this.detach(parent, found.name, node, t);
    this.touch(parent, t);
    if (node instanceof Inode) this.dropLink(node, t);
  }
  /**
   * Node 20's rm: a look at the path first (lstat), where `force` forgives only ENOENT. Later Node versions forgive
   * more (ENOTDIR, ELOOP with recursive on 22+/24+): node/ adapts per version around this.
   */
  rm(path2, options) {
    const found = this.tree.walk(path2, { followLast: false, readOnly: false });
    if (typeof found === "string") {
      if (found === "ENOENT" && options.force) return;
      if (options.recursive && options.force) return this.rimrafWithoutStats(path2);
      throw uvError(found, "lstat", path2);
    }
    if (found.node === void 0) {
      if (options.force) return;
      throw uvError("ENOENT", "lstat", path2);
    }
    this.removedSoFar = this.observer !== void 0 ? [] : null;
    try {
      this.removeFound(found, found.node, path2, options);
    } catch (error) {
      for (const removed of this.removedSoFar ?? []) this.emit({ kind: "remove", path: removed });
      throw error;
    } finally {
      this.removedSoFar = null;
    }
    if (this.observer !== void 0) this.emit({ kind: "remove", path: this.entryPath(found) });
  }
  /** rimraf when its lstat failed: unlink, then rmdir on EISDIR/EPERM, each with the kernel's own answer. */
  rimrafWithoutStats(path2) {
    try {
      this.unlink(path2);
    } catch (error) {
      const code = codeOf(error);
      if (code === "ENOENT") return;
      if (code !== "EISDIR" && code !== "EPERM") throw error;
      try {
        this.rmdir(path2);
      } catch (second) {
        const secondCode = codeOf(second);
        if (secondCode === "ENOENT") return;
        throw secondCode === "ENOTDIR" ? error : second;
      }
    }
  }
  removeFound(found, node, path2, options) {
    if (!isDirectory(node)) {
      this.checkRemove(found, node, "unlink", path2);
      this.removeFile(found, node);
      return;
    }
    if (!options.recursive) throw uvError("EISDIR", "rm", path2);
    if (options.childrenFirst === true) {
      this.removeChildrenFirst(found, node, path2, this.now());
      return;
    }
    if (found.trailingSlash) {
      const named = this.tree.walk(path2, { followLast: false, readOnly: true, create: true });
      if (typeof named !== "string" && named.node !== void 0 && isSymlink(named.node)) {
        throw uvError("ENOTDIR", "rmdir", path2);
      }
    }
    if (found.name === ".") throw uvError("EINVAL", "rmdir", path2);
    this.removeTree(found, node, path2, this.now());
  }
  /** Node 24+'s native order: children first, then the directory (see OverlayApi.rm). */
  removeChildrenFirst(found, node, path2, t) {
    let viaSymlink = false;
    if (found.trailingSlash) {
      const named = this.tree.walk(path2, { followLast: false, readOnly: true, create: true });
      viaSymlink = typeof named !== "string" && named.node !== void 0 && isSymlink(named.node);
    }
    if (found.name === ".") throw uvError("EINVAL", "rm", path2);
    if (!viaSymlink && this.identity.uid === 0 && node instanceof LowerNode) {
      this.removeTree(found, node, path2, t);
      return;
    }
    if (isInMemoryOnly(node)) this.emptyInMemoryFolder(node, path2, t, true);
    else node = this.emptyFolderChildrenFirst(node, path2, t);
    if (viaSymlink) throw uvError("ENOTDIR", "rm", path2);
    this.removeDirectory({ ...found, node }, node, "rm", path2, t);
  }
  /** The children-first loop over a folder's listing; the folder as it is after (copied up once a child went). */
  emptyFolderChildrenFirst(node, path2, t) {
    const here = this.removedSoFar === null ? "/" : this.tree.pathOf(node) ?? "/";
    for (const entry of this.tree.list(node)) {
      const childPath = joinPath(path2, entry.name);
      const child = node instanceof Inode && entry.node !== void 0 ? entry.node : this.tree.child(node, entry.name);
      if (child === void 0) continue;
      const childLookup = { dir: node, name: entry.name, node: child, trailingSlash: false };
      if (isDirectory(child)) this.removeChildrenFirst(childLookup, child, childPath, t);
      else {
        this.checkRemove(childLookup, child, "rm", childPath);
        this.removeFile(childLookup, child, t);
      }
      this.removedSoFar?.push(joinPath(here, entry.name));
      if (node instanceof LowerNode) node = this.upper(node);
    }
    return node;
  }
  /**
   * Removes a directory and everything in it. As root, an untouched disk subtree needs no visit: one whiteout hides
   * it. Otherwise entries are removed one by one (so permission failures stop where the disk's rm would stop).
   */
  removeTree(found, node, path2, t) {
    this.checkRemove(found, node, "rmdir", path2);
    if (this.identity.uid === 0 && node instanceof LowerNode) {
      const parent = this.upper(found.dir);
      this.tree.hideDiskEntry(parent, node);
      parent.nlink--;
      this.touch(parent, t);
      return;
    }
    if (isInMemoryOnly(node)) this.emptyInMemoryFolder(node, path2, t, false);
    else {
      const here = this.removedSoFar === null ? "/" : this.tree.pathOf(node) ?? "/";
      for (const entry of this.tree.list(node)) {
        const childPath = joinPath(path2, entry.name);
        const child = node instanceof Inode && entry.node !== void 0 ? entry.node : this.tree.child(node, entry.name);
        if (child === void 0) continue;
        const childLookup = { dir: node, name: entry.name, node: child, trailingSlash: false };
        if (isDirectory(child)) this.removeTree(childLookup, child, childPath, t);
        else {
          this.checkRemove(childLookup, child, "unlink", childPath);
          this.removeFile(childLookup, child, t);
        }
        this.removedSoFar?.push(joinPath(here, entry.name));
        if (node instanceof LowerNode) {
          node = this.upper(node);
          found = { ...found, node };
        }
      }
    }
    this.removeDirectory(found, node, "rmdir", path2, t);
  }
  /**
   * Empties a folder only memory holds (no disk folder below it, nothing another process revealed in it): its
   * children are its own entries, so they are taken from there without a listing, and what every child's removal asks
   * of the folder -- may its entries change, is it sticky, its upper copy -- is asked once. The order, the errors and
   * what a failure half-way leaves are those of the loops above (rimraf's, or Node 24+'s children first).
   */
  emptyInMemoryFolder(dir, path2, t, childrenFirst) {
    const here = this.removedSoFar === null ? "/" : this.tree.pathOf(dir) ?? "/";
    const fileSyscall = childrenFirst ? "rm" : "unlink";
    const mayChange = this.mayChangeEntries(dir);
    const sticky = this.identity.uid !== 0 && (dir.mode & 512) !== 0;
    this.upper(dir);
    const entries = dir.entries;
    const atOnce = dir.covered.size === 0;
    const gone = [];
    let emptied = false;
    try {
      for (const [name2, child] of entries) {
        if (child === null) continue;
        if (child.isDirectory) {
          const lookup = { dir, name: name2, node: child, trailingSlash: false };
          if (childrenFirst) this.removeChildrenFirst(lookup, child, joinPath(path2, name2), t);
          else this.removeTree(lookup, child, joinPath(path2, name2), t);
        } else {
          if (!mayChange) throw uvError("EACCES", fileSyscall, joinPath(path2, name2));
          if (sticky && !mayRemoveFrom(this.identity, dir, child)) throw uvError("EPERM", fileSyscall, joinPath(path2, name2));
          if (atOnce) {
            child.removeLink(dir, name2);
            gone.push(name2);
          } else this.tree.removeEntry(dir, name2);
          this.touch(dir, t);
          this.dropLink(child, t);
        }
        this.removedSoFar?.push(joinPath(here, name2));
      }
      emptied = true;
    } finally {
      if (emptied && atOnce) entries.clear();
      else for (const name2 of gone) entries.delete(name2);
    }
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
    let current2 = dir;
    for (; ; ) {
      if (sameNode(current2, ancestor) || current2 === ancestor) return true;
      const parent = this.tree.parentOf(current2);
      if (parent === current2) return false;
      current2 = parent;
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
  symlink(target, path2) {
    const found = this.lookupToCreate(path2, "symlink", target, path2);
    if (found.node !== void 0) throw uvError("EEXIST", "symlink", target, path2);
    if (found.trailingSlash) throw uvError("ENOENT", "symlink", target, path2);
    if (!this.mayChangeEntries(found.dir)) throw uvError("EACCES", "symlink", target, path2);
    if (target.length === 0) throw uvError("ENOENT", "symlink", target, path2);
    const t = this.now();
    const parent = this.upper(found.dir);
    const inode = this.newInode(parent, S_IFLNK | 511, t);
    inode.target = target;
    this.tree.setEntry(parent, found.name, inode, false);
    this.touch(parent, t);
    if (this.observer !== void 0) this.emit({ kind: "symlink", path: this.entryPath(found), target });
  }
  readlink(path2) {
    const node = this.existing(path2, false, "readlink");
    if (!isSymlink(node)) throw uvError("EINVAL", "readlink", path2);
    if (node instanceof Inode) return node.target;
    try {
      return this.tree.lower.readlink(node.path);
    } catch (error) {
      throw this.diskError(error, "readlink", path2);
    }
  }
  realpath(path2) {
    const fast = this.statUntouched(path2, true, false);
    if (fast) {
      const absolute = path2.charCodeAt(0) === 47 ? path2 : joinPath(this.cwd(), path2);
      return absolute.includes("//") ? absolute.replace(/\/{2,}/g, "/") : absolute;
    }
    const found = this.lookup(path2, true, true, "realpath");
    if (found.node === void 0) throw uvError("ENOENT", "realpath", path2);
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
    const view2 = this.contents.view(inode, start);
    return view2 === void 0 ? this.inspectInodeFrom(ino, start) : { stat: inode.stat(), content: view2 };
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
function lastComponent(path2) {
  let end = path2.length;
  while (end > 1 && path2.charCodeAt(end - 1) === 47) end--;
  return path2.slice(path2.lastIndexOf("/", end - 1) + 1, end);
}
function parentPathOf(path2) {
  let end = path2.length;
  while (end > 1 && path2.charCodeAt(end - 1) === 47) end--;
  const slash = path2.lastIndexOf("/", end - 1);
  if (slash < 0) return ".";
  if (slash === 0) return "/";
  return path2.slice(0, slash);
}

// src/platform/builtins.ts
var import_node_module = require("node:module");
var loadBuiltin = process.getBuiltinModule ?? (0, import_node_module.createRequire)("/");
var fs = loadBuiltin("node:fs");
var path = loadBuiltin("node:path");

// src/node/disk-location.ts
var import_node_fs4 = require("node:fs");
var lstatSync2 = import_node_fs4.lstatSync;
var readlinkSync2 = import_node_fs4.readlinkSync;
var TRY_LSTAT2 = { throwIfNoEntry: false, bigint: true };
var MAX_HOPS = 40;
var MAX_REMEMBERED = 8192;
function hasDotDot(absPath) {
  return absPath.includes("/..") && /\/\.\.(?:\/|$)/.test(absPath);
}
function isVolatile(absPath) {
  return absPath.startsWith("/proc/") || absPath.startsWith("/dev/");
}
function childOf(folder, name2) {
  return folder === "/" ? `/${name2}` : `${folder}/${name2}`;
}
function createDiskLocator(o) {
  const realFolders = /* @__PURE__ */ new Map();
  function realFolder(folder, hops) {
    if (folder.length <= 1) return folder;
    const known = realFolders.get(folder);
    if (known !== void 0) return known;
    const slash = folder.lastIndexOf("/");
    const real = follow(childOf(slash === 0 ? "/" : realFolder(folder.slice(0, slash), hops), folder.slice(slash + 1)), hops);
    if (!isVolatile(folder)) {
      if (realFolders.size >= MAX_REMEMBERED) realFolders.clear();
      realFolders.set(folder, real);
    }
    return real;
  }
  function follow(located, hops) {
    const ownCwd = ownWorkingDirectoryLink(located, o.cwd);
    if (ownCwd !== void 0) return ownCwd;
    if (hops >= MAX_HOPS) return located;
    let link2;
    try {
      if (lstatSync2(located, TRY_LSTAT2)?.isSymbolicLink() !== true) return located;
      link2 = readlinkSync2(located);
    } catch {
      return located;
    }
    const target = path.resolve(path.dirname(located), link2);
    if (target.length === 1) return target;
    const slash = target.lastIndexOf("/");
    return follow(childOf(slash === 0 ? "/" : realFolder(target.slice(0, slash), hops + 1), target.slice(slash + 1)), hops + 1);
  }
  function walkPhysically(spelt, followLast) {
    const names = spelt.split("/").filter((name2) => name2 !== "" && name2 !== ".");
    let current2 = "/";
    names.forEach((name2, i) => {
      const next = current2 === "/" ? `/${name2}` : `${current2}/${name2}`;
      current2 = name2 === ".." ? path.dirname(current2) : i < names.length - 1 || followLast ? follow(next, 0) : next;
    });
    return current2;
  }
  return {
    locate(spelt, followLastName) {
      if (hasDotDot(spelt)) return walkPhysically(spelt, followLastName);
      const trailingSlash = spelt.length > 1 && spelt.charCodeAt(spelt.length - 1) === 47;
      const absPath = trailingSlash ? spelt.replace(/\/+$/, "") || "/" : spelt;
      if (absPath.length <= 1) return absPath;
      const slash = absPath.lastIndexOf("/");
      const located = childOf(slash === 0 ? "/" : realFolder(absPath.slice(0, slash), 0), absPath.slice(slash + 1));
      return followLastName || trailingSlash ? follow(located, 0) : located;
    },
    forget() {
      realFolders.clear();
    }
  };
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
      const close2 = groupEnd(glob, i);
      if (close2 === -1) return runs;
      i = close2;
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
    const close2 = groupEnd(glob, i);
    if (close2 === -1) return [glob];
    const alternatives2 = simpleAlternatives(glob.slice(i + 1, close2));
    if (alternatives2 === void 0) {
      i = close2;
      continue;
    }
    const out = [];
    for (const alternative of alternatives2) {
      const expanded = expandBraces(glob.slice(0, i) + alternative + glob.slice(close2 + 1), limit - out.length);
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
function mayMatch(literals, path2) {
  outer: for (const runs of literals) {
    for (const run of runs) if (!path2.includes(run)) continue outer;
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

// src/node/install.ts
var import_node_module2 = require("node:module");

// src/node/context.ts
var import_node_url = require("node:url");
var FIRST_FAKE_FD = 1073741824;
var MAX_FD = 2147483647;
var context = {
  engine: void 0,
  router: { owns: () => false, ownsLink: () => false, forget() {
  } },
  originals: {},
  faces: /* @__PURE__ */ new WeakSet()
};
function ownsPath(value, followLast = true) {
  let abs;
  if (typeof value === "string") {
    if (value.charCodeAt(0) === 47 && !value.includes("/.") && !value.includes("//")) return ask(value, void 0, followLast);
    return ownsResolved(value, followLast);
  } else if (value instanceof Uint8Array) {
    return ownsResolved(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("utf8"), followLast);
  } else if (value !== null && typeof value === "object" && value.protocol === "file:" && typeof value.href === "string") {
    try {
      abs = (0, import_node_url.fileURLToPath)(value);
    } catch {
      return false;
    }
  } else return false;
  return ask(abs, void 0, followLast);
}
function ask(abs, spelt, followLast) {
  return followLast ? context.router.owns(abs, spelt) : context.router.ownsLink(abs, spelt);
}
function ownsResolved(value, followLast) {
  const abs = path.resolve(value);
  const goesOn = value.endsWith("/") || value.endsWith("/.") || value === ".";
  if (!value.includes("..")) return ask(abs, void 0, followLast || goesOn);
  const spelt = value.charCodeAt(0) === 47 ? value : `${process.cwd()}/${value}`;
  return ask(abs, hasDotDot(spelt) ? spelt : void 0, followLast || goesOn);
}
function ownsFd(fd) {
  return typeof fd === "number" && fd >= FIRST_FAKE_FD && fd <= MAX_FD && Number.isInteger(fd);
}

// src/node/deferred.ts
var waiting = /* @__PURE__ */ new Set();
var drainsAtExit = false;
function afterTurns(turns, work) {
  const task = () => {
    if (!waiting.delete(task)) return;
    work();
  };
  waiting.add(task);
  if (!drainsAtExit) {
    drainsAtExit = true;
    process.on("exit", drainAtExit);
  }
  let left = turns;
  const step = () => --left > 0 ? setImmediate(step) : task();
  setImmediate(step);
}
function drainAtExit() {
  for (const task of [...waiting]) {
    try {
      task();
    } catch {
    }
  }
}

// src/node/name-bytes.ts
function wellFormed(s2) {
  return isWellFormed(s2) ? s2 : toWellFormed(s2);
}
function nodeErrorPaths(err) {
  if (!(err instanceof Error)) return;
  const e = err;
  if (typeof e.syscall !== "string") return;
  for (const key of ["path", "dest"]) {
    const escaped = e[key];
    if (typeof escaped !== "string" || isWellFormed(escaped)) continue;
    const shown = nameToBytes(escaped).toString("utf8");
    try {
      e.message = e.message.split(escaped).join(shown);
      e[key] = shown;
    } catch {
    }
  }
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
    Error.captureStackTrace(e, fn);
    if (String(e.stack).startsWith(`${e.name} [${code}]`)) return err;
    const hadOwnName = Object.prototype.hasOwnProperty.call(e, "name");
    const name2 = e.name;
    const shown = name2.includes(`[${code}]`) ? name2 : `${name2} [${code}]`;
    Object.defineProperty(e, "name", { value: shown, configurable: true, writable: true, enumerable: false });
    Error.captureStackTrace(e, fn);
    void e.stack;
    if (hadOwnName) Object.defineProperty(e, "name", { value: name2, configurable: true, writable: true, enumerable: false });
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
  nodeErrorPaths(err);
  if (err instanceof Error && keptAsIs.has(err)) return err;
  return withFrames(err, fn);
}
function withoutFrames(err) {
  if (err instanceof Error) keptAsIs.add(err);
  return err;
}
function forCallback(err) {
  nodeErrorPaths(err);
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
  nodeErrorPaths(err);
  if (err instanceof Error && keptAsIs.has(err)) return err;
  return withFrames(err, fn);
}
function withCallSiteFrames(err, callSite) {
  if (!(err instanceof Error) || keptAsIs.has(err) || typeof callSite.stack !== "string") return err;
  const stack = String(err.stack);
  const framesAt = stack.search(/\n {4}at /);
  const siteFramesAt = callSite.stack.indexOf("\n");
  err.stack = (framesAt === -1 ? stack : stack.slice(0, framesAt)) + (siteFramesAt === -1 ? "" : callSite.stack.slice(siteFramesAt));
  return err;
}

// src/node/untouched.ts
var import_node_fs5 = require("node:fs");
var lstatSync3 = import_node_fs5.lstatSync;
var readFileSync = import_node_fs5.readFileSync;
var statSync2 = import_node_fs5.statSync;
var { S_IFMT: S_IFMT3, S_IFLNK: S_IFLNK2, S_IFDIR: S_IFDIR3, S_IFREG: S_IFREG2, O_RDONLY, O_NOFOLLOW: O_NOFOLLOW2 } = import_node_fs5.constants;
var O_NOATIME2 = import_node_fs5.constants.O_NOATIME ?? 0;
var PLAIN = { bigint: false, throwIfNoEntry: false };
var BIG = { bigint: true, throwIfNoEntry: false };
var READ_FLAGS = O_RDONLY | O_NOFOLLOW2 | O_NOATIME2;
var READ_FLAGS_WITH_ATIME = O_RDONLY | O_NOFOLLOW2;
function untouchedDiskPath(path2, throughDiskSymlinks = true) {
  const engine = context.engine;
  if (engine.untouchedDiskPath === void 0) return void 0;
  const diskPath = engine.untouchedDiskPath(path2, throughDiskSymlinks);
  return diskPath !== void 0 && isWellFormed(diskPath) ? diskPath : void 0;
}
function untouchedStat(path2, follow, bigint) {
  const diskPath = untouchedDiskPath(path2);
  return diskPath === void 0 ? void 0 : untouchedStatAt(diskPath, follow, bigint);
}
function untouchedStatAt(diskPath, follow, bigint) {
  let stats;
  try {
    stats = lstatSync3(diskPath, bigint ? BIG : PLAIN);
  } catch {
    return void 0;
  }
  if (stats === void 0) return null;
  const type = Number(stats.mode) & S_IFMT3;
  if (follow && type === S_IFLNK2) return void 0;
  if (type !== S_IFDIR3 && Number(stats.nlink) > 1 && context.engine.hasDiskCopies()) return void 0;
  return stats;
}
function untouchedUtf8(path2) {
  const diskPath = untouchedDiskPath(path2);
  return diskPath === void 0 ? void 0 : untouchedUtf8At(diskPath);
}
function untouchedUtf8At(diskPath) {
  if (context.engine.hasDiskCopies()) {
    const stats = lstatSync3(diskPath, PLAIN);
    if (stats === void 0 || (stats.mode & S_IFMT3) !== S_IFREG2 || stats.nlink > 1) return void 0;
  }
  try {
    return readFileSync(diskPath, { encoding: "utf8", flag: READ_FLAGS });
  } catch (error) {
    if (O_NOATIME2 === 0 || error.code !== "EPERM") return void 0;
  }
  try {
    return readFileSync(diskPath, { encoding: "utf8", flag: READ_FLAGS_WITH_ATIME });
  } catch {
    return void 0;
  }
}
function untouchedRealpath(path2) {
  if (path2.charCodeAt(0) !== 47) return void 0;
  const diskPath = untouchedDiskPath(path2, false);
  if (diskPath === void 0) return void 0;
  let stats;
  try {
    stats = lstatSync3(diskPath, PLAIN);
  } catch {
    return void 0;
  }
  if (stats === void 0 || (stats.mode & S_IFMT3) === S_IFLNK2) return void 0;
  if ((stats.mode & S_IFMT3) !== S_IFDIR3 && stats.nlink > 1 && context.engine.hasDiskCopies()) return void 0;
  return path2.includes("//") ? path2.replace(/\/{2,}/g, "/") : path2;
}
var sparesNotDir;
function statQuietOnNotDir() {
  if (sparesNotDir === void 0) {
    try {
      sparesNotDir = statSync2(`${process.execPath}/x`, PLAIN) === void 0;
    } catch {
      sparesNotDir = false;
    }
  }
  return sparesNotDir;
}

// src/node/untouched-lane.ts
var NOT_OURS = 0;
var ENGINE = 1;
var maxAnswers = 4096;
var answers = /* @__PURE__ */ new Map();
var answersShape = -1;
var answersEpoch = 0;
var epoch = 0;
var enabled = false;
function enableLane() {
  enabled = true;
  forgetLaneAnswers();
}
var beforeOwnedOperation = () => {
};
function setLaneLook(look) {
  beforeOwnedOperation = look;
  forgetLaneAnswers();
}
function forgetLaneAnswers() {
  epoch++;
}
function current() {
  return answersShape === upperShape.version && answersEpoch === epoch;
}
function workOut(path2) {
  if (!ownsPath(path2)) return NOT_OURS;
  return untouchedDiskPath(path2) ?? ENGINE;
}
function overlayHoldsNothing() {
  if (!enabled) return false;
  const engine = context.engine;
  if (engine.answersAsDiskEverywhere?.() !== true) return false;
  beforeOwnedOperation();
  return engine.answersAsDiskEverywhere();
}
function laneAnswer(path2) {
  if (!enabled || path2.charCodeAt(0) !== 47 || isVolatile(path2)) return void 0;
  if (overlayHoldsNothing()) return path2;
  if (!current()) {
    answers.clear();
    answersShape = upperShape.version;
    answersEpoch = epoch;
  }
  const known = answers.get(path2);
  if (known !== void 0) {
    if (known === NOT_OURS) return known;
    beforeOwnedOperation();
    if (current()) return known;
  }
  if (path2.includes("\0")) return void 0;
  const answer = workOut(path2);
  if (!current()) {
    answers.clear();
    answersShape = upperShape.version;
    answersEpoch = epoch;
  }
  if (answers.size >= maxAnswers) answers.clear();
  answers.set(path2, answer);
  return answer;
}

// src/node/faces.ts
function syncFace(original, owns, impl) {
  const face = function(first, second) {
    if (!owns(first, second)) return Reflect.apply(original, this, arguments);
    try {
      return Reflect.apply(impl, void 0, arguments);
    } catch (err) {
      throw forSync(err, face);
    }
  };
  return face;
}
var DECLINED = /* @__PURE__ */ Symbol("declined");
function untouchedFirstFace(original, owns, impl, onDisk2) {
  const face = function(first, second) {
    const lane = typeof first === "string" ? laneAnswer(first) : void 0;
    if (lane === void 0) {
      if (!owns(first, second)) return Reflect.apply(original, this, arguments);
    } else if (lane === NOT_OURS) {
      return Reflect.apply(original, this, arguments);
    } else if (lane !== ENGINE) {
      const answer = onDisk2(lane, second);
      if (answer !== DECLINED) return answer;
    }
    try {
      return Reflect.apply(impl, void 0, arguments);
    } catch (err) {
      throw forSync(err, face);
    }
  };
  return face;
}
function callbackFace(original, owns, prepare) {
  const face = function(first, second) {
    if (!owns(first, second)) return Reflect.apply(original, this, arguments);
    let job;
    let valuesNow;
    try {
      job = prepare(Array.prototype.slice.call(arguments));
      if (job.synchronous) valuesNow = job.run();
    } catch (err) {
      throw forSync(err, face);
    }
    if (valuesNow === void 0) deliver(job);
    else job.callback(null, ...valuesNow);
  };
  return face;
}
function deliver(job) {
  const callback = job.callback;
  afterTurns(job.turns ?? 1, () => {
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
  });
}
function promiseFace(original, owns, impl) {
  const face = async function(...args) {
    if (!owns(args[0], args[1])) return Reflect.apply(original, this, args);
    const callSite = {};
    Error.captureStackTrace(callSite, face);
    const ran = new Promise((resolve4) => afterTurns(1, () => {
      try {
        resolve4({ value: impl(...args) });
      } catch (error) {
        resolve4({ error });
      }
    }));
    try {
      const outcome = await ran;
      if ("error" in outcome) throw outcome.error;
      return await outcome.value;
    } catch (err) {
      if (!isSystemCallError(err)) throw withCallSiteFrames(forPromise(err, face), callSite);
      await void 0;
      throw forPromise(err, face);
    }
  };
  return face;
}

// src/node/ops/stat.ts
var import_node_fs7 = require("node:fs");

// src/node/args.ts
var import_node_buffer2 = require("node:buffer");
var import_node_url2 = require("node:url");
var import_node_fs6 = require("node:fs");

// src/node/node-errors.ts
var import_node_util2 = require("node:util");
var kTypes = ["string", "function", "number", "object", "Function", "Object", "boolean", "bigint", "symbol"];
var classRegExp = /^([A-Z][a-z0-9]*)+$/;
var nodeMajor = Number(process.versions.node.split(".")[0]);
function nodeError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  const name2 = err.name;
  Object.defineProperty(err, "stack", {
    value: `${name2} [${code}]: ${message}`,
    writable: true,
    configurable: true,
    enumerable: false
  });
  Object.defineProperty(err, "toString", {
    value() {
      return `${name2} [${code}]: ${message}`;
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
        const name2 = ctor?.name;
        if (typeof name2 === "string" && name2 !== "") return `an instance of ${name2}`;
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
function invalidArgType(name2, expected, actual) {
  const list = Array.isArray(expected) ? expected : [expected];
  let msg = "The ";
  if (name2.endsWith(" argument")) msg += `${name2} `;
  else msg += `"${name2}" ${name2.includes(".") ? "property" : "argument"} `;
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
function invalidArgValue(name2, value, reason = "is invalid", Base = TypeError) {
  let inspected = (0, import_node_util2.inspect)(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name2.includes(".") ? "property" : "argument";
  return nodeError(Base, "ERR_INVALID_ARG_VALUE", `The ${type} '${name2}' ${reason}. Received ${inspected}`);
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
function fsEisdir(path2, syscall = "rm") {
  return systemError("ERR_FS_EISDIR", "Path is a directory", {
    code: "EISDIR",
    message: "is a directory",
    path: path2,
    syscall,
    errno: EISDIR
  });
}

// src/node/validators.ts
function validateInteger(value, name2, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== "number") throw invalidArgType(name2, "number", value);
  if (!Number.isInteger(value)) throw outOfRange(name2, "an integer", value);
  if (value < min || value > max) throw outOfRange(name2, `>= ${min} && <= ${max}`, value);
}
function validateInt32(value, name2, min = -2147483648, max = 2147483647) {
  validateInteger(value, name2, min, max);
}
function validateUint32(value, name2, positive = false) {
  if (typeof value !== "number") throw invalidArgType(name2, "number", value);
  if (!Number.isInteger(value)) throw outOfRange(name2, "an integer", value);
  const min = positive ? 1 : 0;
  if (value < min || value > 4294967295) throw outOfRange(name2, `>= ${min} && <= 4294967295`, value);
}
function validateString(value, name2) {
  if (typeof value !== "string") throw invalidArgType(name2, "string", value);
}
function validateBoolean(value, name2) {
  if (typeof value !== "boolean") throw invalidArgType(name2, "boolean", value);
}
function validateFunction(value, name2) {
  if (typeof value !== "function") throw invalidArgType(name2, "Function", value);
}
function validateObject(value, name2, allowNullable = false) {
  if (value === null) {
    if (!allowNullable) throw invalidArgType(name2, "Object", value);
    return;
  }
  if (Array.isArray(value) || typeof value !== "object") throw invalidArgType(name2, "Object", value);
}
function validateAbortSignal(signal, name2) {
  if (signal !== void 0 && (signal === null || typeof signal !== "object" || !("aborted" in signal))) {
    throw invalidArgType(name2, "AbortSignal", signal);
  }
}
function validateBuffer(buffer, name2 = "buffer") {
  if (!ArrayBuffer.isView(buffer)) throw invalidArgType(name2, ["Buffer", "TypedArray", "DataView"], buffer);
}
function validateOneOf(value, name2, oneOf2) {
  if (!oneOf2.includes(value)) {
    const allowed = oneOf2.map((v) => typeof v === "string" ? `'${v}'` : String(v)).join(", ");
    throw invalidArgValue(name2, value, `must be one of: ${allowed}`);
  }
}
var octalReg = /^[0-7]+$/;
var modeDesc = "must be a 32-bit unsigned integer or an octal string";
function parseFileMode(value, name2, def) {
  value ??= def;
  if (typeof value === "string") {
    if (!octalReg.test(value)) throw withoutFrames(invalidArgValue(name2, value, modeDesc));
    value = Number.parseInt(value, 8);
  }
  validateUint32(value, name2);
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
  O_RDONLY: O_RDONLY2,
  O_WRONLY: O_WRONLY2,
  O_RDWR: O_RDWR2,
  O_CREAT: O_CREAT2,
  O_TRUNC: O_TRUNC2,
  O_APPEND: O_APPEND2,
  O_EXCL: O_EXCL2,
  O_SYNC
} = import_node_fs6.constants;
function isURL(value) {
  const v = value;
  return Boolean(v?.href && v.protocol && v.auth === void 0 && v.path === void 0);
}
function toPathIfFileURL(value) {
  if (!isURL(value)) return value;
  return (0, import_node_url2.fileURLToPath)(value);
}
function getValidatedPath(fileURLOrPath, propName = "path") {
  const path2 = toPathIfFileURL(fileURLOrPath);
  if (typeof path2 !== "string" && !(path2 instanceof Uint8Array)) {
    throw invalidArgType(propName, ["string", "Buffer", "URL"], path2);
  }
  if (typeof path2 === "string" ? path2.includes("\0") : path2.includes(0)) {
    throw invalidArgValue(propName, path2, "must be a string, Uint8Array, or URL without null bytes");
  }
  return path2;
}
function pathString(path2) {
  return typeof path2 === "string" ? wellFormed(path2) : bytesToName(path2);
}
function validatedPathString(value, propName = "path") {
  return pathString(getValidatedPath(value, propName));
}
function getValidatedFd(fd, propName = "fd") {
  if (Object.is(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
}
function stringToFlags(flags, name2 = "flags") {
  if (typeof flags === "number") {
    validateInt32(flags, name2);
    return flags + 0;
  }
  if (flags == null) return O_RDONLY2;
  switch (flags) {
    case "r":
      return O_RDONLY2;
    case "rs":
    case "sr":
      return O_RDONLY2 | O_SYNC;
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
  if (encoding && !import_node_buffer2.Buffer.isEncoding(encoding)) {
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
function toUnixTimestamp(time, name2 = "time") {
  if (typeof time === "string" && +time == time) return +time;
  if (typeof time === "number" && Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1e3;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1e3;
  throw invalidArgType(name2, ["Date", "Time in seconds"], time);
}
function secondsToNs(seconds) {
  const whole = Math.floor(seconds);
  const ns = Math.round((seconds - whole) * 1e9);
  return BigInt(whole) * 1000000000n + BigInt(ns);
}
function encodeName(name2, encoding) {
  if (encoding === "buffer") return nameToBytes(name2);
  if ((encoding == null || encoding === "utf8" || encoding === "utf-8") && isWellFormed(name2)) return name2;
  return nameToBytes(name2).toString(encoding ?? "utf8");
}

// src/node/ops/stat.ts
function statPath(path2, follow, bigint) {
  const fast = untouchedStat(path2, follow, bigint);
  if (fast) return fast;
  const record = follow ? context.engine.stat(path2) : context.engine.lstat(path2);
  return toStats(record, bigint);
}
function statRecordOrUndefined(path2, follow) {
  const record = context.engine.tryStat(path2, follow);
  if (record !== void 0) return record;
  try {
    return follow ? context.engine.stat(path2) : context.engine.lstat(path2);
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT" || code === "ENOTDIR" && follow && statQuietOnNotDir()) return void 0;
    throw err;
  }
}
function statPathOrUndefined(path2, follow, options) {
  if (options.throwIfNoEntry === false) {
    const fast = untouchedStat(path2, follow, Boolean(options.bigint));
    if (fast !== void 0) return fast ?? void 0;
    const record = statRecordOrUndefined(path2, follow);
    return record === void 0 ? void 0 : toStats(record, Boolean(options.bigint));
  }
  return statPath(path2, follow, Boolean(options.bigint));
}
function statSync3(path2, options = { bigint: false, throwIfNoEntry: true }) {
  return statPathOrUndefined(validatedPathString(path2), true, options);
}
function statSyncOnDisk(diskPath, options) {
  if (options !== void 0 && (typeof options !== "object" || options === null)) return DECLINED;
  const o = options;
  const stats = untouchedStatAt(diskPath, true, o !== void 0 && Boolean(o.bigint));
  if (stats === void 0) return DECLINED;
  if (stats === null) return o !== void 0 && o.throwIfNoEntry === false ? void 0 : DECLINED;
  return stats;
}
function lstatSync4(path2, options = { bigint: false, throwIfNoEntry: true }) {
  return statPathOrUndefined(validatedPathString(path2), false, options);
}
function fstatSync2(fd, options = { bigint: false }) {
  return toStats(context.engine.fstat(getValidatedFd(fd)), Boolean(options.bigint));
}
function statCallback(follow) {
  return (args) => {
    let [path2, options = { bigint: false }, callback] = args;
    if (typeof options === "function") {
      callback = options;
      options = {};
    }
    callback = makeCallback(callback);
    const p2 = validatedPathString(path2);
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
function statPromise(path2, options = { bigint: false }) {
  return statPath(validatedPathString(path2), true, Boolean(options.bigint));
}
function lstatPromise(path2, options = { bigint: false }) {
  return statPath(validatedPathString(path2), false, Boolean(options.bigint));
}
function accessMode(mode) {
  return validateModeInCpp(mode, import_node_fs7.constants.F_OK);
}
function accessSync(path2, mode) {
  const p2 = validatedPathString(path2);
  context.engine.access(p2, accessMode(mode));
}
function access(args) {
  let [path2, mode, callback] = args;
  if (typeof mode === "function") {
    callback = mode;
    mode = import_node_fs7.constants.F_OK;
  }
  const p2 = validatedPathString(path2);
  callback = makeCallback(callback);
  const m = accessMode(mode);
  return { callback, run: () => (context.engine.access(p2, m), []) };
}
function accessPromise(path2, mode = import_node_fs7.constants.F_OK) {
  const p2 = validatedPathString(path2);
  context.engine.access(p2, accessMode(mode));
}
function existsSync(path2) {
  let p2;
  try {
    p2 = getValidatedPath(path2);
  } catch {
    return false;
  }
  const where = pathString(p2);
  const fast = untouchedStat(where, true, false);
  return fast !== void 0 ? fast !== null : context.engine.exists(where);
}
function existsOnDisk(diskPath) {
  const stats = untouchedStatAt(diskPath, true, false);
  return stats === void 0 ? DECLINED : stats !== null;
}
function diskAncestor(p2) {
  const exists = context.originals.existsSync;
  let current2 = path.resolve(p2);
  while (current2 !== "/" && !exists(current2)) current2 = path.dirname(current2);
  return current2;
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
var import_node_buffer3 = require("node:buffer");

// src/node/watch.ts
var import_node_events = require("node:events");
var import_node_fs8 = require("node:fs");
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
function encodeFilename(name2, encoding) {
  return encodeName(name2, encoding);
}
function validateWatchOptions(o) {
  if (o.persistent !== void 0) validateBoolean(o.persistent, "options.persistent");
  if (o.recursive !== void 0) validateBoolean(o.recursive, "options.recursive");
}
var watchers = /* @__PURE__ */ new Set();
function isWatched() {
  return watchers.size > 0;
}
var lastQueued;
function notifyChange(event, absPath, cause = event) {
  if (watchers.size === 0) return;
  const mergedByKey = /* @__PURE__ */ new Map();
  for (const w of watchers) {
    let filename;
    if (absPath === w.target) filename = path.basename(absPath);
    else if (path.dirname(absPath) === w.target) filename = path.basename(absPath);
    else if (w.recursive && absPath.startsWith(`${w.target}/`)) filename = path.relative(w.target, absPath);
    if (filename === void 0) continue;
    const key = `${w.target}\0${absPath}\0${cause}`;
    let merged = mergedByKey.get(key);
    if (merged === void 0) {
      const last = w.pending?.[w.pending.length - 1];
      merged = key === lastQueued && last !== void 0 && last[2] === cause && last[1] === filename;
      mergedByKey.set(key, merged);
      lastQueued = key;
    }
    if (!merged) queueEvent(w, event, filename, cause);
  }
}
function queueEvent(w, event, filename, cause) {
  if (w.pending) w.pending.push([event, filename, cause]);
  else w.pending = [[event, filename, cause]];
  setImmediate(() => {
    const next = w.pending?.shift();
    if (w.pending?.length === 0) w.pending = void 0;
    if (next !== void 0 && watchers.has(w)) w.emit(next[0], next[1]);
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
function recursiveInJs(options) {
  return process.platform === "linux" && typeof options === "object" && options !== null && options.recursive === true;
}
function watch(filename, options, listener) {
  if (recursiveInJs(options)) return Reflect.apply(context.originals.watch, void 0, [filename, options, listener]);
  if (typeof options === "function") {
    listener = options;
    options = void 0;
  }
  const o = getOptions(options);
  const given = validatedPathString(filename, "filename");
  validateWatchOptions(o);
  const target = path.resolve(given);
  checkWatchable(target, given);
  let emitter;
  const watcher = {
    target,
    recursive: Boolean(o.recursive),
    encoding: o.encoding,
    emit: (event, name2) => {
      emitter.emit("change", event, encodeFilename(name2, o.encoding));
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
  if (recursiveInJs(options)) return context.originals["promises.watch"](filename, options);
  const o = getOptions(options);
  const given = validatedPathString(filename, "filename");
  validateWatchOptions(o);
  if (nodeMajor2 >= 22) {
    validateInteger(o.maxQueue ?? 2048, "options.maxQueue");
    validateOneOf(o.overflow ?? "ignore", "options.overflow", ["ignore", "error"]);
  }
  const target = path.resolve(given);
  const pending = [];
  let wake;
  let closed = false;
  const watcher = {
    target,
    recursive: Boolean(o.recursive),
    encoding: void 0,
    emit: (eventType, name2) => {
      pending.push({ eventType, filename: encodeFilename(name2, o.encoding) });
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
      const current2 = statOrZero(target, bigint);
      const missing = Number(current2.ino) === 0 && Number(previous.ino) === 0;
      if (missing) {
        if (!reportedMissing) this.emit("change", current2, previous);
        reportedMissing = true;
      } else if (current2.mtimeMs !== previous.mtimeMs || current2.ctimeMs !== previous.ctimeMs || current2.ino !== previous.ino || current2.size !== previous.size) {
        this.emit("change", current2, previous);
      }
      previous = current2;
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
  const target = path.resolve(validatedPathString(filename, "filename"));
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
  const target = path.resolve(validatedPathString(filename, "filename"));
  const watcher = pollers.get(target);
  if (!watcher) return;
  if (typeof listener === "function") watcher.removeListener("change", listener);
  else watcher.removeAllListeners("change");
  if (watcher.listenerCount("change") === 0) watcher.stop();
}
var writablePaths = /* @__PURE__ */ new Map();
var { O_WRONLY: O_WRONLY3, O_RDWR: O_RDWR3, O_CREAT: O_CREAT3, O_TRUNC: O_TRUNC3 } = import_node_fs8.constants;
function existedBeforeOpen(p2, flags) {
  if (watchers.size === 0 || (flags & O_CREAT3) === 0) return true;
  return context.engine.exists(p2);
}
function noteOpen(fd, p2, flags, existedBefore) {
  if (watchers.size === 0 || (flags & (O_WRONLY3 | O_RDWR3)) === 0) return;
  const abs = path.resolve(p2);
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
function bytesOf(view2) {
  return view2 instanceof Uint8Array ? view2 : new Uint8Array(view2.buffer, view2.byteOffset, view2.byteLength);
}
function enginePosition(position) {
  if (typeof position === "bigint") return position < 0n ? null : Number(position > 2n ** 53n - 1n ? 2n ** 53n - 1n : position);
  if (typeof position !== "number" || !Number.isSafeInteger(position) || position < 0) return null;
  return position;
}
function openTracked(p2, flags, mode) {
  const existed = existedBeforeOpen(p2, flags);
  const fd = context.engine.open(p2, flags, mode);
  noteOpen(fd, p2, flags, existed);
  return fd;
}
function openSync2(path2, flags, mode) {
  const p2 = validatedPathString(path2);
  const f = stringToFlags(flags);
  const m = parseFileMode(mode, "mode", 438);
  return openTracked(p2, f, m);
}
function open(args) {
  let [path2, flags, mode, callback] = args;
  const p2 = validatedPathString(path2);
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
function validatePosition(position, name2, length) {
  if (typeof position === "number") validateInteger(position, name2, -1);
  else if (typeof position === "bigint") {
    const [min, max] = nodeMajor3 >= 22 ? [-1n, 2n ** 63n - 1n - BigInt(length)] : [-(2n ** 63n), 2n ** 63n - 1n];
    if (!(position >= min && position <= max)) throw outOfRange(name2, `>= ${min} && <= ${max}`, position);
  } else throw invalidArgType(name2, ["integer", "bigint"], position);
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
        buffer = given === void 0 ? import_node_buffer3.Buffer.alloc(16384) : given;
      }
      callback = offsetOrOptions;
    } else {
      callback = buffer;
      buffer = import_node_buffer3.Buffer.alloc(16384);
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
  let pos = typeof position === "number" ? enginePosition(position) : null;
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
function validateStringAfterArrayBufferView(buffer, name2) {
  if (typeof buffer !== "string") throw invalidArgType(name2, ["string", "Buffer", "TypedArray", "DataView"], buffer);
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
  const bytes = import_node_buffer3.Buffer.from(data, encoding ?? "utf8");
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
  let pos = typeof position === "number" ? enginePosition(position) : null;
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
  const l2 = Math.max(0, len);
  callback = makeCallback(callback);
  const validFd = getValidatedFd(fd);
  return { callback, run: () => (context.engine.ftruncate(validFd, l2), []) };
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
var import_node_buffer4 = require("node:buffer");
var import_node_buffer5 = require("node:buffer");
var import_node_fs9 = require("node:fs");
var nodeMajor4 = Number(process.versions.node.split(".")[0]);
var kIoMaxLength = 2 ** 31 - 1;
function isFd(path2) {
  return typeof path2 === "number" && (path2 | 0) === path2;
}
function fileTooLarge(size) {
  return withFrames(nodeError(RangeError, "ERR_FS_FILE_TOO_LARGE", `File size (${size}) is greater than 2 GiB`), fileTooLarge);
}
function readAllFromFd(fd) {
  const stat2 = context.engine.fstat(fd);
  const isFile = (stat2.mode & import_node_fs9.constants.S_IFMT) === import_node_fs9.constants.S_IFREG;
  if (isFile && stat2.size > kIoMaxLength) throw fileTooLarge(stat2.size);
  const chunks = [];
  let total = 0;
  const chunkSize = isFile && stat2.size > 0 ? Math.min(stat2.size, kIoMaxLength) : 8192;
  for (; ; ) {
    const chunk = import_node_buffer4.Buffer.allocUnsafe(chunkSize);
    const n = context.engine.read(fd, chunk, 0, chunkSize, null);
    if (n === 0) break;
    chunks.push(n === chunkSize ? chunk : chunk.subarray(0, n));
    total += n;
  }
  return import_node_buffer4.Buffer.concat(chunks, total);
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
function readFileCore(path2, flag, tooLargeChecked = true) {
  if (isFd(path2)) return readAllFromFd(path2);
  const p2 = validatedPathString(path2);
  let content;
  try {
    content = context.engine.readFile(p2, stringToFlags(flag, "options.flag"));
  } catch (err) {
    if (err instanceof RangeError) {
      const size = context.engine.stat(p2).size;
      if (size > kIoMaxLength) throw fileTooLarge(size);
    }
    throw err;
  }
  if (tooLargeChecked && content.length > kIoMaxLength) throw fileTooLarge(content.length);
  return content;
}
function isUtf82(encoding) {
  return encoding === "utf8" || encoding === "utf-8";
}
function readFileSync2(path2, options) {
  const o = getOptions(options, { flag: "r" });
  if (typeof path2 === "string" && isUtf82(o.encoding) && o.flag === "r") {
    const text2 = untouchedUtf8(validatedPathString(path2));
    if (text2 !== void 0) return text2;
  }
  return decode(readFileCore(path2, o.flag, !isUtf82(o.encoding)), o.encoding);
}
function readFileSyncOnDisk(diskPath, options) {
  if (options !== "utf8" && options !== "utf-8") return DECLINED;
  return untouchedUtf8At(diskPath) ?? DECLINED;
}
function readFile(args) {
  let [path2, options, callback] = args;
  callback ||= options;
  validateFunction(callback, "cb");
  const o = getOptions(options, { flag: "r" });
  let given;
  if (!isFd(path2)) {
    stringToFlags(o.flag, "options.flag");
    given = getValidatedPath(path2);
  }
  const signal = o.signal;
  return {
    callback,
    run: () => {
      checkAborted(signal);
      return afterATurn(signal, () => {
        try {
          return [decode(readFileCore(path2, o.flag), o.encoding)];
        } catch (err) {
          throw given === void 0 ? err : readFileJobError(err, given);
        }
      });
    }
  };
}
async function readFilePromise(path2, options) {
  const o = getOptions(options, { flag: "r" });
  const flag = o.flag || "r";
  if (isOurFileHandle(path2)) {
    checkAborted(o.signal);
    return afterATurn(o.signal, () => decode(readAllFromFd(path2.fd), o.encoding));
  }
  checkAborted(o.signal);
  const given = getValidatedPath(path2);
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
function validateStringData(data, name2) {
  if (typeof data !== "string") throw invalidArgType(name2, ["string", "Buffer", "TypedArray", "DataView"], data);
}
function dataBytes(data, encoding) {
  if (ArrayBuffer.isView(data)) return bytesOf(data);
  validateStringData(data, "data");
  return import_node_buffer4.Buffer.from(data, encoding || "utf8");
}
function writeFileCore(path2, data, options, defaultFlag) {
  if (isFd(path2)) {
    writeAllToFd(path2, data);
    if (options.flush) fs.fsyncSync(path2);
    return;
  }
  const p2 = validatedPathString(path2);
  const flags = stringToFlags(options.flag || defaultFlag, "flags");
  const mode = parseFileMode(options.mode, "mode", 438);
  if (options.flush) {
    const fd = context.engine.open(p2, flags, mode);
    try {
      writeAllToFd(fd, data);
      fs.fsyncSync(fd);
    } finally {
      context.engine.close(fd);
    }
    return;
  }
  context.engine.writeFile(p2, data, flags, mode);
}
function flushedWrite(path2, bytes, o, defaultFlag) {
  const ownFd = !isFd(path2);
  const fd = ownFd ? context.engine.open(validatedPathString(path2), stringToFlags(o.flag || defaultFlag, "flags"), parseFileMode(o.mode, "mode", 438)) : path2;
  try {
    writeAllToFd(fd, bytes);
  } catch (err) {
    if (ownFd) context.engine.close(fd);
    return Promise.reject(err);
  }
  return new Promise((resolve4, reject) => {
    fs.fsync(fd, (err) => {
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
function writeFileSync(path2, data, options) {
  const o = getOptions(options, writeDefaults("w"));
  validateBoolean(o.flush ?? false, "options.flush");
  writeFileCore(path2, dataBytes(data, o.encoding), o, "w");
}
function appendFileSync(path2, data, options) {
  const o = { ...getOptions(options, { encoding: "utf8", mode: 438, flag: "a" }) };
  if (!o.flag || isFd(path2)) o.flag = "a";
  writeFileSync(path2, data, o);
}
function writeFileJob(path2, data, options, callback, defaultFlag) {
  validateFunction(callback, "cb");
  const o = getOptions(typeof options === "function" ? null : options, writeDefaults(defaultFlag));
  validateBoolean(o.flush ?? false, "options.flush");
  const bytes = dataBytes(data, o.encoding);
  if (!isFd(path2)) getValidatedPath(path2);
  const signal = o.signal;
  if (o.flush) return { callback, run: () => flushedWrite(path2, bytes, o, defaultFlag) };
  return {
    callback,
    run: () => {
      checkAborted(signal);
      return afterATurn(signal, () => (writeFileCore(path2, bytes, o, defaultFlag), []));
    }
  };
}
function writeFile(args) {
  let [path2, data, options, callback] = args;
  callback ||= options;
  return writeFileJob(path2, data, options, callback, "w");
}
function appendFile(args) {
  let [path2, data, options, callback] = args;
  callback ||= options;
  validateFunction(callback, "cb");
  const o = { ...getOptions(typeof options === "function" ? null : options, { encoding: "utf8", mode: 438, flag: "a" }) };
  if (!o.flag || isFd(path2)) o.flag = "a";
  return writeFileJob(path2, data, o, callback, "a");
}
function isCustomIterable(data) {
  return data != null && typeof data === "object" && (typeof data[Symbol.iterator] === "function" || typeof data[Symbol.asyncIterator] === "function");
}
async function collectIterable(data, encoding) {
  const chunks = [];
  for await (const chunk of data) {
    if (typeof chunk === "string") chunks.push(import_node_buffer4.Buffer.from(chunk, encoding || "utf8"));
    else if (ArrayBuffer.isView(chunk)) chunks.push(bytesOf(chunk));
    else throw invalidArgType("data", ["string", "Buffer", "TypedArray", "DataView"], chunk);
  }
  return import_node_buffer4.Buffer.concat(chunks);
}
async function writeFilePromiseCore(path2, data, options, defaultFlag) {
  const o = getOptions(options, writeDefaults(defaultFlag));
  validateBoolean(o.flush ?? false, "options.flush");
  parseFileMode(o.mode, "mode", 438);
  let bytes;
  if (ArrayBuffer.isView(data)) bytes = bytesOf(data);
  else if (typeof data !== "string" && isCustomIterable(data)) bytes = await collectIterable(data, o.encoding);
  else bytes = dataBytes(data, o.encoding);
  if (isOurFileHandle(path2)) {
    const handle = path2;
    checkAborted(o.signal);
    await afterATurn(o.signal, () => writeAllToFd(handle.fd, bytes));
    return;
  }
  checkAborted(o.signal);
  const given = getValidatedPath(path2);
  await afterATurn(o.signal, () => writeFileCore(given, bytes, o, defaultFlag));
}
function writeFilePromise(path2, data, options) {
  return writeFilePromiseCore(path2, data, options, "w");
}
function appendFilePromise(path2, data, options) {
  const o = { ...getOptions(options, { encoding: "utf8", mode: 438, flag: "a" }) };
  if (!o.flag || isOurFileHandle(path2)) o.flag = "a";
  return writeFilePromiseCore(path2, data, o, "a");
}
var truncateTakesFd = Number(process.versions.node.split(".")[0]) < 24;
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
function truncateSync(path2, len = 0) {
  if (truncateTakesFd && isFd(path2)) {
    warnTruncateFd();
    validateInteger(len, "len");
    context.engine.ftruncate(getValidatedFd(path2), Math.max(0, len));
    return;
  }
  const p2 = validatedPathString(path2);
  validateInteger(len, "len");
  context.engine.truncate(p2, Math.max(0, len));
}
function truncate(args) {
  let [path2, len = 0, callback] = args;
  if (typeof len === "function") {
    callback = len;
    len = 0;
  }
  const byFd2 = truncateTakesFd && isFd(path2);
  if (byFd2) warnTruncateFd();
  const p2 = byFd2 ? path2 : validatedPathString(path2);
  validateInteger(len, "len");
  const l2 = Math.max(0, len);
  callback = makeCallback(callback);
  return {
    callback,
    run: () => {
      if (typeof p2 === "number") context.engine.ftruncate(p2, l2);
      else context.engine.truncate(p2, l2);
      return [];
    }
  };
}
function truncatePromise(path2, len = 0) {
  const p2 = validatedPathString(path2);
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
  original(dest, data, { flag: mode & import_node_fs9.constants.COPYFILE_EXCL ? "wx" : "w", mode: context.engine.stat(src).mode & 4095 });
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
function blobOptions(path2, options) {
  validateObject(options, "options");
  const type = options.type || "";
  validateString(type, "options.type");
  return { path: pathString(getValidatedPath(path2)), type };
}
function blobOf(path2, type) {
  try {
    return new import_node_buffer5.Blob([context.engine.readFile(path2)], { type });
  } catch {
    return new DOMException("The blob could not be read", "NotReadableError");
  }
}
function openAsBlob(path2, options = {}) {
  const o = blobOptions(path2, options);
  return Promise.resolve(blobOf(o.path, o.type));
}
function openAsBlobSync(path2, options = {}) {
  const o = blobOptions(path2, options);
  const blob = blobOf(o.path, o.type);
  if (blob instanceof DOMException) throw blob;
  return blob;
}
function isOurFileHandle(value) {
  return value !== null && typeof value === "object" && !(value instanceof URL) && !ArrayBuffer.isView(value) && ownsFd(value.fd);
}

// src/node/ops/dirs.ts
var import_node_fs12 = require("node:fs");

// src/node/ops/rm.ts
var import_node_fs10 = require("node:fs");

// src/node/ops/rimraf-sync.ts
var import_node_buffer6 = require("node:buffer");
var loaded;
function loadRimraf() {
  loaded ??= {
    lstatSync: fs.lstatSync,
    unlinkSync: fs.unlinkSync,
    readdirSync: fs.readdirSync,
    rmdirSync: fs.rmdirSync
  };
  return loaded;
}
function rimrafCallsOnlyOurFaces() {
  const use = loadRimraf();
  return context.faces.has(use.lstatSync) && context.faces.has(use.unlinkSync) && context.faces.has(use.readdirSync) && context.faces.has(use.rmdirSync) && context.faces.has(fs.rmdirSync);
}
var notEmptyCodes = /* @__PURE__ */ new Set(["ENOTEMPTY", "EEXIST", "EPERM"]);
var retryCodes = /* @__PURE__ */ new Set(["EBUSY", "EMFILE", "ENFILE", "ENOTEMPTY", "EPERM"]);
var separator = import_node_buffer6.Buffer.from("/");
function codeOf2(err) {
  return err?.code;
}
function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
function rimrafSync(path2, options) {
  const use = loadRimraf();
  let stats;
  try {
    stats = use.lstatSync(path2);
  } catch (err) {
    if (codeOf2(err) === "ENOENT") return;
  }
  try {
    if (stats?.isDirectory()) removeDirectory(use, path2, options, null);
    else use.unlinkSync(path2);
  } catch (err) {
    const code = codeOf2(err);
    if (code === "ENOENT") return;
    if (code === "EPERM") return removeDirectory(use, path2, options, err);
    if (code !== "EISDIR") throw err;
    removeDirectory(use, path2, options, err);
  }
}
function removeDirectory(use, path2, options, originalErr) {
  try {
    use.rmdirSync(path2);
  } catch (err) {
    const code = codeOf2(err);
    if (code === "ENOENT") return;
    if (code === "ENOTDIR") throw originalErr ?? err;
    if (typeof code === "string" && notEmptyCodes.has(code)) {
      const pathBuf = import_node_buffer6.Buffer.from(path2);
      for (const child of use.readdirSync(pathBuf, "buffer")) {
        rimrafSync(import_node_buffer6.Buffer.concat([pathBuf, separator, child]), options);
      }
      const tries = options.maxRetries + 1;
      for (let i = 1; i <= tries; i++) {
        try {
          return fs.rmdirSync(path2);
        } catch (retryErr) {
          const retryCode = codeOf2(retryErr);
          if (typeof retryCode === "string" && retryCodes.has(retryCode) && i < tries && options.retryDelay > 0) {
            sleep(i * options.retryDelay);
          } else if (retryCode === "ENOENT") {
            return;
          } else if (i === tries) {
            throw retryErr;
          }
        }
      }
    }
    throw originalErr ?? err;
  }
}

// src/node/ops/rm.ts
var nodeMajor5 = Number(process.versions.node.split(".")[0]);
var nodeMinor = Number(process.versions.node.split(".")[1]);
function validateRmOptions(options) {
  if (options === void 0) return { recursive: false, force: false, maxRetries: 0, retryDelay: 100 };
  validateObject(options, "options");
  const o = { recursive: false, force: false, retryDelay: 100, maxRetries: 0, ...options };
  validateBoolean(o.recursive, "options.recursive");
  validateInt32(o.retryDelay, "options.retryDelay", 0);
  validateUint32(o.maxRetries, "options.maxRetries");
  validateBoolean(o.force, "options.force");
  return { recursive: o.recursive, force: o.force, maxRetries: o.maxRetries, retryDelay: o.retryDelay };
}
function codeOf3(err) {
  return err?.code;
}
function rmCore(p2, options, lstatAlways = false) {
  if (lstatAlways || !options.force || !options.recursive) {
    const record = options.force ? statRecordOrUndefined(p2, false) : context.engine.lstat(p2);
    if (record !== void 0 && (record.mode & import_node_fs10.constants.S_IFMT) === import_node_fs10.constants.S_IFDIR && !options.recursive) {
      throw fsEisdir(p2);
    }
    if (record === void 0) return;
  }
  if (options.recursive && lastComponent2(p2) === ".." && isDirectory2(p2)) return rimrafDotDot(p2, lstatAlways);
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
function isDirectory2(p2) {
  try {
    const record = context.engine.tryStat(p2, false);
    return record !== void 0 && (record.mode & import_node_fs10.constants.S_IFMT) === import_node_fs10.constants.S_IFDIR;
  } catch {
    return false;
  }
}
function rimrafDotDot(p2, lstatAlways) {
  try {
    context.engine.rmdir(p2);
    return;
  } catch (err) {
    const code = codeOf3(err);
    if (code === "ENOENT") return;
    if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EPERM") throw err;
  }
  for (const entry of context.engine.readdir(p2)) rmCore(`${p2}/${entry.name}`, { recursive: true, force: true }, lstatAlways);
  try {
    context.engine.rmdir(p2);
  } catch (err) {
    if (codeOf3(err) !== "ENOENT") throw err;
  }
}
function rimrafAfterUnlinkEperm(p2, unlinkError) {
  try {
    context.engine.rmdir(p2);
    return;
  } catch (err) {
    const code = codeOf3(err);
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
function nativeRmError(code, path2, major = nodeMajor5, minor = nodeMinor) {
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
      return errnoException("", UV_EUNKNOWN, `Unknown error: ${STRERROR[code] ?? code}`, path2);
  }
  const repeatsPath = major < 26 && !(major === 24 && minor >= 22);
  const msg = repeatsPath ? `${label}: ${path2}` : `${label}:`;
  return errnoException(errnoCode, ERRNO[errnoCode], msg, path2);
}
function errnoException(code, errno, msg, path2) {
  const err = new Error(`${code}, ${msg} '${path2}'`);
  err.errno = errno;
  err.code = code;
  err.path = path2;
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
      if (options.force && codeOf3(err) === "ENOENT") return;
      throw err;
    }
    if ((record.mode & import_node_fs10.constants.S_IFMT) === import_node_fs10.constants.S_IFDIR && !options.recursive) throw fsEisdir(p2);
  } else {
    try {
      engine.lstat(p2);
    } catch (err) {
      const code = codeOf3(err);
      if (code === "ENOENT" || code === "ENOTDIR") return;
    }
  }
  try {
    const last = lastComponent2(p2);
    if (options.recursive && (last === "." || last === "..")) removeDotDirectory(engine, p2);
    else engine.rm(p2, { recursive: options.recursive, force: true, childrenFirst: true });
  } catch (err) {
    const code = codeOf3(err);
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
  else if (rimrafCallsOnlyOurFaces()) rmCore(target, o);
  else rimrafSyncAfterChecks(target, o);
}
function rimrafSyncAfterChecks(p2, options) {
  if (!options.force || !options.recursive) {
    const record = options.force ? statRecordOrUndefined(p2, false) : context.engine.lstat(p2);
    if (record !== void 0 && (record.mode & import_node_fs10.constants.S_IFMT) === import_node_fs10.constants.S_IFDIR && !options.recursive) {
      throw fsEisdir(p2);
    }
  }
  rimrafSync(p2, { maxRetries: options.maxRetries ?? 0, retryDelay: options.retryDelay ?? 100 });
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
  if (nodeMajor5 < 24) loadRimraf();
  return { callback, run: () => (rmCore(target, o, true), []), turns: o.recursive ? recursiveRmTurns : 1 };
}
var recursiveRmTurns = 3;
async function rmPromise(p2, options) {
  const target = validatedPathString(p2);
  const o = validateRmOptions(options);
  if (nodeMajor5 < 24) loadRimraf();
  if (o.recursive) await new Promise((resolve4) => afterTurns(recursiveRmTurns - 1, resolve4));
  try {
    rmCore(target, o, true);
  } catch (err) {
    throw framelessForPromise(err);
  }
}

// src/node/ops/mkdirp.ts
var import_node_fs11 = require("node:fs");
var FINAL = /* @__PURE__ */ new Set(["EACCES", "ENOSPC", "ENOTDIR", "EPERM"]);
function mkdirOnce(p2, mode) {
  try {
    context.engine.mkdir(p2, mode, false);
    return void 0;
  } catch (error) {
    if (codeOf(error) === void 0) throw error;
    return error;
  }
}
function isDirectory3(record) {
  return (record.mode & import_node_fs11.constants.S_IFMT) === import_node_fs11.constants.S_IFDIR;
}
function mkdirpAsync(target, mode) {
  const pending = [target];
  let first;
  while (pending.length > 0) {
    const next = pending.pop();
    const failure = mkdirOnce(next, mode);
    let code = codeOf(failure);
    if (code === void 0) {
      first ??= next;
      continue;
    }
    if (FINAL.has(code)) throw failure;
    if (code === "ENOENT") {
      const cut = next.lastIndexOf("/");
      const parent = cut === -1 ? next : next.slice(0, cut);
      if (parent !== next) {
        pending.push(next, parent);
        continue;
      }
      if (pending.length > 0) throw uvError("ENOENT", "mkdir", next);
      code = "EEXIST";
    }
    let record;
    let statCode;
    try {
      record = context.engine.stat(next);
    } catch (error) {
      statCode = codeOf(error);
      if (statCode === void 0) throw error;
    }
    if (code === "EEXIST" && pending.length > 0) {
      if (record !== void 0 && isDirectory3(record)) continue;
      throw uvError("ENOTDIR", "mkdir", next);
    }
    if (statCode !== void 0) throw uvError(statCode, "mkdir", next);
    if (!isDirectory3(record)) throw uvError("EEXIST", "mkdir", next);
    return first;
  }
  return first;
}

// src/node/ops/dirs.ts
var constants9 = import_node_fs12.constants;
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
    run: () => recursive ? [mkdirpAsync(target, mode)] : (context.engine.mkdir(target, mode, false), [])
  };
}
function mkdirPromise(p2, options) {
  const { target, mode, recursive } = mkdirArgs(p2, options, "promise");
  if (recursive) return mkdirpAsync(target, mode);
  context.engine.mkdir(target, mode, false);
  return void 0;
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
var TEMPLATE = "XXXXXX";
var TEMP_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
function namingTriedPath(error) {
  const e = error;
  if (!(error instanceof Error) || e.syscall !== "mkdtemp" || typeof e.path !== "string" || !e.path.endsWith(TEMPLATE)) return error;
  let tried = e.path.slice(0, -TEMPLATE.length);
  for (let i = 0; i < TEMPLATE.length; i++) tried += TEMP_LETTERS[Math.floor(Math.random() * TEMP_LETTERS.length)];
  error.message = error.message.replace(`'${e.path}'`, `'${tried}'`);
  e.path = tried;
  return error;
}
function mkdtempAsync(make) {
  try {
    return make();
  } catch (error) {
    throw namingTriedPath(error);
  }
}
function mkdtemp(args) {
  const [prefix, options, callback] = args;
  const cb = makeCallback(typeof options === "function" ? options : callback);
  const make = mkdtempCore(prefix, getOptions(options));
  return { callback: cb, run: () => [mkdtempAsync(make)] };
}
function mkdtempPromise(prefix, options) {
  return mkdtempAsync(mkdtempCore(prefix, getOptions(options)));
}
function mkdtempDisposableSync(prefix, options) {
  const made = mkdtempSync(prefix, options);
  const fullPath = path.resolve(process.cwd(), String(made));
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
  const fullPath = path.resolve(process.cwd(), String(made));
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
  [0 /* Unknown */]: constants9.UV_DIRENT_UNKNOWN,
  [1 /* File */]: constants9.UV_DIRENT_FILE,
  [2 /* Directory */]: constants9.UV_DIRENT_DIR,
  [3 /* Symlink */]: constants9.UV_DIRENT_LINK,
  [4 /* Fifo */]: constants9.UV_DIRENT_FIFO,
  [5 /* Socket */]: constants9.UV_DIRENT_SOCKET,
  [6 /* Char */]: constants9.UV_DIRENT_CHAR,
  [7 /* Block */]: constants9.UV_DIRENT_BLOCK
};
function typeFromMode(mode) {
  switch (mode & constants9.S_IFMT) {
    case constants9.S_IFREG:
      return constants9.UV_DIRENT_FILE;
    case constants9.S_IFDIR:
      return constants9.UV_DIRENT_DIR;
    case constants9.S_IFLNK:
      return constants9.UV_DIRENT_LINK;
    case constants9.S_IFIFO:
      return constants9.UV_DIRENT_FIFO;
    case constants9.S_IFSOCK:
      return constants9.UV_DIRENT_SOCKET;
    case constants9.S_IFCHR:
      return constants9.UV_DIRENT_CHAR;
    case constants9.S_IFBLK:
      return constants9.UV_DIRENT_BLOCK;
    default:
      return constants9.UV_DIRENT_UNKNOWN;
  }
}
function makeDirent(name2, entry, parentPath, dirPath) {
  let type = direntTypes[entry.type] ?? constants9.UV_DIRENT_UNKNOWN;
  if (type === constants9.UV_DIRENT_UNKNOWN) type = typeFromMode(context.engine.lstat(path.join(dirPath, entry.name)).mode);
  return new import_node_fs12.Dirent(name2, type, parentPath);
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
var byName = (x, y) => compareNames(x.name, y.name);
function sortedListing(dirPath) {
  const engine = context.engine;
  return engine.readdirSorted ? engine.readdirSorted(dirPath, byName) : engine.readdir(dirPath).sort(byName);
}
function isDirectoryFollowingLinks(p2) {
  try {
    const record = context.engine.tryStat(p2, true);
    return record !== void 0 && (record.mode & constants9.S_IFMT) === constants9.S_IFDIR;
  } catch {
    return false;
  }
}
function joinParentPath(base, relative) {
  if (typeof base === "string" && typeof relative === "string") return path.join(base, relative);
  const head = typeof base === "string" ? Buffer.from(base) : base;
  const parts = [head];
  if (head.length === 0 || head[head.length - 1] !== 47) parts.push(Buffer.from("/"));
  parts.push(typeof relative === "string" ? Buffer.from(relative) : relative);
  return Buffer.concat(parts);
}
function readdirRecursiveByBytes(given, basePath, options) {
  const results = [];
  const queue = [{ dir: basePath, relative: "", listed: basePath }];
  for (let i = 0; i < queue.length; i++) {
    const { dir, relative, listed } = queue[i];
    const parentPath = relative === "" ? given : joinParentPath(given, encodeName(relative, options.encoding));
    for (const entry of sortedListing(listed)) {
      const full = path.join(dir, entry.name);
      const below = relative === "" ? entry.name : `${relative}/${entry.name}`;
      let isDirectory4;
      if (options.withFileTypes) {
        const dirent = makeDirent(encodeName(entry.name, options.encoding), entry, parentPath, dir);
        results.push(dirent);
        isDirectory4 = dirent.isDirectory() || isDirectoryFollowingLinks(full);
      } else {
        results.push(encodeName(below, options.encoding));
        isDirectory4 = isDirectoryFollowingLinks(full);
      }
      if (isDirectory4) queue.push({ dir: full, relative: below, listed: `${listed.endsWith("/") ? listed.slice(0, -1) : listed}/${entry.name}` });
    }
  }
  return results;
}
function readdirRecursiveByText(given, options, form) {
  const results = [];
  const asPromised = form === "promise";
  const join3 = (dir, name2) => path.join(dir, name2);
  const pending = [[given, sortedListing(pathString(given))]];
  const found = (dir) => pending.push([dir, asPromised ? sortedListing(pathString(dir)) : void 0]);
  for (let i = 0; asPromised ? pending.length > 0 : i < pending.length; i++) {
    const [current2, listed] = asPromised ? pending.pop() : pending[i];
    for (const entry of listed ?? sortedListing(pathString(current2))) {
      const name2 = encodeName(entry.name, options.encoding);
      if (options.withFileTypes) {
        const full = nodeMajor6 >= 22 && !asPromised ? join3(current2, name2) : void 0;
        const dirent = makeDirent(name2, entry, current2, pathString(current2));
        results.push(dirent);
        if (dirent.isDirectory()) found(full ?? join3(current2, name2));
        else if (full !== void 0 && isDirectoryFollowingLinks(pathString(full))) found(full);
      } else {
        const full = join3(current2, name2);
        results.push(path.relative(given, full));
        if (isDirectoryFollowingLinks(pathString(full))) found(full);
      }
    }
  }
  return results;
}
function readdirCore(given, options, form = "sync") {
  if (options.recursive) return nodeMajor6 >= 26 ? readdirRecursiveByBytes(given, pathString(given), options) : readdirRecursiveByText(given, options, form);
  const p2 = pathString(given);
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
  return { callback: cb, run: () => [readdirCore(given, copy)], synchronous: nodeMajor6 < 22 && Boolean(o.recursive) };
}
function readdirPromise(p2, options) {
  const o = getOptions(options);
  const given = getValidatedPath(p2);
  if (o.recursive != null) validateBoolean(o.recursive, "options.recursive");
  return readdirCore(given, o, "promise");
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
function rmdirCore(p2, options, sync = false) {
  const recursive = options?.recursive;
  if (recursive && nodeMajor6 < 26) {
    emitRecursiveRmdirWarning();
    validateRmdirOptions(options);
    const record = context.engine.lstat(p2);
    if ((record.mode & constants9.S_IFMT) !== constants9.S_IFDIR) {
      context.engine.rmdir(p2);
      return;
    }
    if (sync && nodeMajor6 < 24 && !rimrafCallsOnlyOurFaces()) {
      const { maxRetries = 0, retryDelay = 100 } = options;
      rimrafSync(p2, { maxRetries, retryDelay });
    } else if (sync && nodeMajor6 >= 24) {
      nativeRmSync(context.engine, p2, { recursive: true, force: false });
    } else {
      loadRimraf();
      rmCore(p2, { recursive: true, force: false });
    }
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
  rmdirCore(rmdirTarget(p2, options), options, true);
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
function sameSide(syscall, from, to) {
  if (ownsPath(from, false) !== ownsPath(to, false)) throw uvError("EXDEV", syscall, from, to);
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
function readlinkSync3(p2, options) {
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
  const lookup = wellFormed(absolute);
  let real;
  try {
    real = untouchedRealpath(lookup) ?? context.engine.realpath(lookup);
  } catch (err) {
    realpathReadingTargetsAsText(absolute);
    throw err;
  }
  return isWellFormed(real) && lookup === absolute ? real : realpathReadingTargetsAsText(absolute);
}
function encodeRealpathText(text2, encoding) {
  if (!encoding || encoding === "utf8") return text2;
  const bytes = Buffer.from(text2);
  return encoding === "buffer" ? bytes : bytes.toString(encoding);
}
function realpathReadingTargetsAsText(absolute) {
  const engine = context.engine;
  let p2 = absolute;
  let current2 = "/";
  let pos = 1;
  while (pos < p2.length) {
    const slash = p2.indexOf("/", pos);
    const end = slash === -1 ? p2.length : slash;
    const previous = current2;
    const base = previous + p2.slice(pos, end);
    current2 = slash === -1 ? base : `${base}/`;
    pos = slash === -1 ? p2.length : slash + 1;
    const seen = wellFormed(base);
    if ((engine.lstat(seen).mode & S_IFMT2) !== S_IFLNK) continue;
    engine.stat(seen);
    const target = nameToBytes(engine.readlink(seen)).toString("utf8");
    p2 = path.resolve(path.resolve(previous, target), p2.slice(pos));
    current2 = "/";
    pos = 1;
  }
  return p2;
}
function jsRealpathPath(p2) {
  let value = toPathIfFileURL(p2);
  if (typeof value !== "string") value = `${value}`;
  const checked = value;
  if (checked.includes("\0")) {
    throw invalidArgValue("path", checked, "must be a string, Uint8Array, or URL without null bytes");
  }
  return path.resolve(checked);
}
function realpathSync2(p2, options) {
  const o = getOptions(options);
  const absolute = jsRealpathPath(p2);
  return encodeRealpathText(realpathLikeJs(absolute), o.encoding);
}
function realpathSyncOnDisk(diskPath, options) {
  if (!overlayHoldsNothing()) return DECLINED;
  return context.originals.realpathSync(diskPath, options);
}
function realpathSyncNative(p2, options) {
  const o = getOptions(options);
  const where = validatedPathString(p2);
  return encodeName(untouchedRealpath(where) ?? context.engine.realpath(where), o.encoding);
}
function realpath(args) {
  const [p2, options, callback] = args;
  const cb = makeCallback(typeof options === "function" ? options : callback);
  const o = getOptions(options);
  const absolute = jsRealpathPath(p2);
  return { callback: cb, run: () => [encodeRealpathText(realpathLikeJs(absolute), o.encoding)] };
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
  const apply = (where, uid, gid) => follow ? context.engine.chown(where, uid, gid) : context.engine.lchown(where, uid, gid);
  return {
    sync(p2, uid, gid) {
      const where = validatedPathString(p2);
      validateIds(uid, gid);
      apply(where, uid, gid);
    },
    callback(args) {
      const [p2, uid, gid, callback] = args;
      const cb = makeCallback(callback);
      const where = validatedPathString(p2);
      validateIds(uid, gid);
      return { callback: cb, run: () => (apply(where, uid, gid), []) };
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
  const apply = (where, a, m) => follow ? context.engine.utimes(where, a, m) : context.engine.lutimes(where, a, m);
  const times = (atime, mtime) => [
    // Node names both "time" for the path forms (only the fd forms say atime/mtime).
    secondsToNs(toUnixTimestamp(atime)),
    secondsToNs(toUnixTimestamp(mtime))
  ];
  return {
    sync(p2, atime, mtime) {
      const where = validatedPathString(p2);
      const [a, m] = times(atime, mtime);
      apply(where, a, m);
    },
    callback(args) {
      const [p2, atime, mtime, callback] = args;
      const cb = makeCallback(callback);
      const where = validatedPathString(p2);
      const [a, m] = times(atime, mtime);
      return { callback: cb, run: () => (apply(where, a, m), []) };
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
var dirClosed = () => withFrames(nodeError(Error, "ERR_DIR_CLOSED", "Directory handle was closed"), dirClosed);
var nodeMajor8 = Number(process.versions.node.split(".")[0]);
function readListing(dirPath, shownPath) {
  try {
    return context.engine.readdir(dirPath);
  } catch (err) {
    const code = err.code;
    if (typeof code !== "string" || code.startsWith("ERR_")) throw err;
    const error = uvError(code, "opendir", shownPath);
    if (shownPath !== void 0 && nodeMajor8 < 22) {
      const reordered = error;
      delete reordered.code;
      delete reordered.path;
      Object.assign(error, { code, path: shownPath });
    }
    throw error;
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
        if (this.#options.recursive && dirent.isDirectory()) this.#openSubdirectory(dirent);
        return dirent;
      }
      this.#queue.shift();
    }
    return null;
  }
  /**
   * As Node does before it hands out a directory's entry: it joins the entry's parentPath and name as they are given
   * out (a Buffer, with encoding 'buffer' or a Buffer path, makes path.join throw ERR_INVALID_ARG_TYPE; a name that is
   * not UTF-8 comes out as U+FFFD, which names no directory: ENOENT), and opens that path, failing the read if it
   * cannot.
   */
  #openSubdirectory(dirent) {
    const sub = path.join(dirent.parentPath, dirent.name);
    this.#queue.push({ dirPath: pathString(sub), parentPath: sub, entries: readListing(pathString(sub), sub), next: 0 });
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
  Object.setPrototypeOf(OverlayDir.prototype, fs.Dir.prototype);
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
var nodeMajor9 = Number(process.versions.node.split(".")[0]);
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
function madeInJs(err) {
  return withFrames(err, madeInJs);
}
function cpError(key, prefix, message, dest, errno, code) {
  return madeInJs(systemError(key, prefix, { message, path: dest, syscall: "cp", errno, code }));
}
function isSrcSubdir(src, dest) {
  const srcParts = path.resolve(src).split(path.sep).filter(Boolean);
  const destParts = path.resolve(dest).split(path.sep).filter(Boolean);
  return srcParts.every((part, i) => destParts[i] === part);
}
function areIdentical(a, b) {
  return b.ino !== void 0 && b.dev !== void 0 && b.ino === a.ino && b.dev === a.dev;
}
function statFor(opts, p2, throwIfNoEntry) {
  return (opts.dereference ? fs.statSync : fs.lstatSync)(p2, { bigint: true, throwIfNoEntry });
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
  const srcParent = path.resolve(path.dirname(src));
  const destParent = path.resolve(path.dirname(dest));
  if (destParent === srcParent || destParent === path.parse(destParent).root) return;
  const destStat = fs.statSync(destParent, { bigint: true, throwIfNoEntry: false });
  if (destStat === void 0) return;
  if (areIdentical(srcStat, destStat)) {
    throw cpError("ERR_FS_CP_EINVAL", "Invalid src or dest", `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL, "EINVAL");
  }
  checkParentPaths(src, srcStat, destParent);
}
function copyOneFile(srcStat, src, dest, opts) {
  fs.copyFileSync(src, dest, opts.mode);
  const mode = Number(srcStat.mode);
  if (opts.preserveTimestamps) {
    if ((mode & 128) === 0) fs.chmodSync(dest, mode | 128);
    const updated = fs.statSync(src);
    fs.utimesSync(dest, updated.atime, updated.mtime);
  }
  fs.chmodSync(dest, mode);
}
function copyLinkEntry(destStat, src, dest, opts) {
  let resolvedSrc = fs.readlinkSync(src);
  if (!opts.verbatimSymlinks && !path.isAbsolute(resolvedSrc)) resolvedSrc = path.resolve(path.dirname(src), resolvedSrc);
  if (!destStat) {
    fs.symlinkSync(resolvedSrc, dest);
    return;
  }
  let resolvedDest;
  try {
    resolvedDest = fs.readlinkSync(dest);
  } catch (err) {
    const code = err.code;
    if (code === "EINVAL" || code === "UNKNOWN") {
      fs.symlinkSync(resolvedSrc, dest);
      return;
    }
    throw err;
  }
  if (!path.isAbsolute(resolvedDest)) resolvedDest = path.resolve(path.dirname(dest), resolvedDest);
  if (opts.viaCpp && resolvedSrc === resolvedDest && !fs.statSync(dest, { throwIfNoEntry: false })?.isDirectory()) {
    fs.unlinkSync(dest);
    fs.symlinkSync(resolvedSrc, dest);
    return;
  }
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    if (opts.viaCpp) throw cppError("ERR_FS_CP_EINVAL", `Cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`);
    throw cpError("ERR_FS_CP_EINVAL", "Invalid src or dest", `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest, EINVAL, "EINVAL");
  }
  if (fs.statSync(dest).isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    if (opts.viaCpp) throw cppError("ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY", `cannot overwrite ${resolvedDest} with ${resolvedSrc}`);
    throw cpError("ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY", "Cannot overwrite symlink in subdirectory of self", `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, EINVAL, "EINVAL");
  }
  fs.unlinkSync(dest);
  fs.symlinkSync(resolvedSrc, dest);
}
function* copyEntry(destStat, src, dest, opts) {
  const srcStat = statFor(opts, src, true);
  if (srcStat.isDirectory()) {
    if (!opts.recursive) {
      throw madeInJs(systemError("ERR_FS_EISDIR", "Path is a directory", { message: `${src} is a directory (not copied)`, path: src, syscall: "cp", errno: EINVAL, code: "EISDIR" }));
    }
    if (!destStat) fs.mkdirSync(dest);
    for (const name2 of fs.readdirSync(src)) {
      const srcItem = path.join(src, name2);
      const destItem = path.join(dest, name2);
      const checked = yield* checkPaths(srcItem, destItem, opts);
      if (!checked.skipped) yield* copyEntry(checked.destStat, srcItem, destItem, opts);
    }
    if (!destStat) fs.chmodSync(dest, Number(srcStat.mode));
  } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    if (!destStat) copyOneFile(srcStat, src, dest, opts);
    else if (opts.force) {
      fs.unlinkSync(dest);
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
  const destParent = path.dirname(dest);
  if (!fs.existsSync(destParent)) fs.mkdirSync(destParent, { recursive: true });
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
  return fs.realpathSync(p2);
}
function realpathOfNearest(p2) {
  const rest = [];
  let current2 = path.resolve(p2);
  for (; ; ) {
    try {
      return path.join(fs.realpathSync(current2), ...rest.reverse());
    } catch {
      const parent = path.dirname(current2);
      if (parent === current2) return path.resolve(p2);
      rest.push(path.basename(current2));
      current2 = parent;
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
  runSync(nodeMajor9 >= 22 ? copyTreeAfterCppChecks(s2, d, opts) : copyTree(s2, d, opts));
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
var import_node_buffer7 = require("node:buffer");
var nodeMajor10 = Number(process.versions.node.split(".")[0]);
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
    buffer = o.buffer === void 0 ? import_node_buffer7.Buffer.alloc(16384) : o.buffer;
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
      else if (typeof data === "string") writeDataToFd(fd, import_node_buffer7.Buffer.from(data, o.encoding || "utf8"));
      else if (data == null || typeof data !== "object" || !(Symbol.iterator in data || Symbol.asyncIterator in data)) {
        throw invalidArgType("data", ["string", "Buffer", "TypedArray", "DataView"], data);
      } else {
        for await (const chunk of data) {
          if (typeof chunk === "string") writeDataToFd(fd, import_node_buffer7.Buffer.from(chunk, o.encoding || "utf8"));
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
var gcCloseDeprecationShown = false;
var closedExplicitly = new FinalizationRegistry(({ fd, path: path2 }) => {
  try {
    context.engine.close(fd);
    noteClose(fd);
  } catch {
    return;
  }
  setImmediate(() => {
    if (nodeMajor10 >= 26) {
      const message = `A FileHandle object was closed during garbage collection. This used to be allowed with a deprecation warning but is now considered an error. Please close FileHandle objects explicitly. File descriptor: ${fd} (${path2})`;
      const err = Object.assign(new Error(message), { code: "ERR_INVALID_STATE" });
      err.stack = `Error: ${message}`;
      throw err;
    }
    process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
    if (gcCloseDeprecationShown) return;
    gcCloseDeprecationShown = true;
    process.emitWarning(
      "Closing a FileHandle object on garbage collection is deprecated. Please close FileHandle objects explicitly using FileHandle.prototype.close(). In the future, an error will be thrown if a file descriptor is closed during garbage collection.",
      "DeprecationWarning",
      "DEP0137"
    );
  }).unref();
});
async function openFileHandle(path2, flags, mode) {
  const p2 = validatedPathString(path2);
  const flagsNumber = stringToFlags(flags);
  const m = parseFileMode(mode, "mode", 438);
  const fd = openTracked(p2, flagsNumber, m);
  let Handle;
  try {
    Handle = await fileHandleClass();
  } catch (err) {
    context.engine.close(fd);
    noteClose(fd);
    throw err;
  }
  const native = {
    fd,
    getAsyncId: () => -1,
    close: () => {
      try {
        closedExplicitly.unregister(native);
        context.engine.close(fd);
        noteClose(fd);
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(err);
      }
    },
    closeSync: () => {
      closedExplicitly.unregister(native);
      context.engine.close(fd);
      noteClose(fd);
    },
    releaseFD: () => {
      closedExplicitly.unregister(native);
      return fd;
    }
  };
  const handle = new Handle(native);
  closedExplicitly.register(handle, { fd, path: p2 }, native);
  const prototype = Handle.prototype;
  for (const [name2, fn] of Object.entries(overrides(handle))) {
    const own = prototype[name2];
    const method = {
      [name2](...args) {
        return this === handle || typeof own !== "function" ? fn(...args) : Reflect.apply(own, this, args);
      }
    }[name2];
    Object.defineProperty(handle, name2, { value: method, writable: true, configurable: true, enumerable: false });
  }
  if (nodeMajor10 < 22) {
    Object.defineProperty(handle, "readableWebStream", {
      value: readableWebStreamOnNode20,
      writable: true,
      configurable: true,
      enumerable: false
    });
  }
  return handle;
}
var lockedByDefaultStream = /* @__PURE__ */ new WeakSet();
var kDefaultChunk = 65536;
function privateSymbol(handle, description) {
  for (let o = handle; o !== null; o = Object.getPrototypeOf(o)) {
    const found = Object.getOwnPropertySymbols(o).find((s2) => s2.description === description);
    if (found) return found;
  }
  return void 0;
}
function invalidState(message) {
  return withFrames(nodeError(Error, "ERR_INVALID_STATE", `Invalid state: ${message}`), readableWebStreamOnNode20);
}
function readableWebStreamOnNode20(options = {}) {
  if (this.fd === -1) throw invalidState("The FileHandle is closed");
  const closing = privateSymbol(this, "kClosePromise");
  if (closing !== void 0 && this[closing]) throw invalidState("The FileHandle is closing");
  const lockedByNode = privateSymbol(this, "kLocked");
  if (lockedByDefaultStream.has(this) || lockedByNode !== void 0 && this[lockedByNode]) {
    throw invalidState("The FileHandle is locked");
  }
  if (options.type === "bytes") {
    const own = Object.getPrototypeOf(this).readableWebStream;
    return Reflect.apply(own, this, [options]);
  }
  lockedByDefaultStream.add(this);
  try {
    if (options.type !== void 0) validateString(options.type, "options.type");
  } catch (err) {
    throw withFrames(err, readableWebStreamOnNode20);
  }
  const kRef = privateSymbol(this, "kRef");
  const kUnref = privateSymbol(this, "kUnref");
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    if (kUnref !== void 0) this[kUnref].call(this);
  };
  let controller;
  const readable = new ReadableStream(
    {
      start: (c2) => {
        controller = c2;
      },
      pull: async (c2) => {
        const chunk = new Uint8Array(kDefaultChunk);
        const { bytesRead } = await this.read(chunk, 0, kDefaultChunk, null);
        if (ended) return;
        if (bytesRead === 0) {
          c2.close();
          end();
          return;
        }
        c2.enqueue(chunk.buffer.slice(0, bytesRead));
      },
      cancel: end
    },
    // Nothing read ahead: when the handle closes, a close of the stream is then what Node's cancel is to a reader
    // (pending reads end, `closed` resolves), and the public API can close a stream a reader has locked.
    { highWaterMark: 0 }
  );
  if (kRef !== void 0) this[kRef].call(this);
  this.once("close", () => {
    if (ended) return;
    end();
    controller.close();
  });
  return readable;
}

// src/node/members.ts
var byPath = (first) => ownsPath(first);
var byLinkPath = (first) => ownsPath(first, false);
var bySecondLinkPath = (_first, second) => ownsPath(second, false);
var byEitherLinkPath = (first, second) => ownsPath(first, false) || ownsPath(second, false);
var byFd = (first) => ownsFd(first);
var byPathOrFd = (first) => typeof first === "number" ? ownsFd(first) : ownsPath(first);
var byEitherPath = (first, second) => ownsPath(first) || ownsPath(second);
var byPathOrHandle = (first) => isOurFileHandle(first) || ownsPath(first);
var s = (owns, impl) => ({ face: "sync", owns, impl });
var l = (owns, impl, onDisk2) => ({ face: "sync", owns, impl, onDisk: onDisk2 });
var c = (owns, impl) => ({ face: "callback", owns, impl });
var p = (owns, impl) => ({ face: "promise", owns, impl });
var routedFs = /* @__PURE__ */ new Map([
  ["access", c(byPath, access)],
  ["accessSync", s(byPath, accessSync)],
  ["existsSync", l(byPath, existsSync, existsOnDisk)],
  ["stat", c(byPath, stat)],
  ["statSync", l(byPath, statSync3, statSyncOnDisk)],
  ["lstat", c(byLinkPath, lstat)],
  ["lstatSync", s(byLinkPath, lstatSync4)],
  ["fstat", c(byFd, fstat)],
  ["statfs", c(byPath, statfs)],
  ["statfsSync", s(byPath, statfsSync)],
  ["fstatSync", s(byFd, fstatSync2)],
  ["open", c(byPath, open)],
  ["openSync", s(byPath, openSync2)],
  ["close", c(byFd, close)],
  ["closeSync", s(byFd, closeSync2)],
  ["read", c(byFd, read)],
  ["readSync", s(byFd, readSync2)],
  ["readv", c(byFd, readv)],
  ["readvSync", s(byFd, readvSync)],
  ["write", c(byFd, write)],
  ["writeSync", s(byFd, writeSync)],
  ["writev", c(byFd, writev)],
  ["writevSync", s(byFd, writevSync)],
  ["fsync", c(byFd, fsync)],
  ["fsyncSync", s(byFd, fsyncSync)],
  ["fdatasync", c(byFd, fdatasync)],
  ["fdatasyncSync", s(byFd, fdatasyncSync)],
  ["ftruncate", c(byFd, ftruncate)],
  ["ftruncateSync", s(byFd, ftruncateSync)],
  ["fchmod", c(byFd, fchmod)],
  ["fchmodSync", s(byFd, fchmodSync)],
  ["fchown", c(byFd, fchown)],
  ["fchownSync", s(byFd, fchownSync)],
  ["futimes", c(byFd, futimes)],
  ["futimesSync", s(byFd, futimesSync)],
  ["readFile", c(byPathOrFd, readFile)],
  ["readFileSync", l(byPathOrFd, readFileSync2, readFileSyncOnDisk)],
  ["writeFile", c(byPathOrFd, writeFile)],
  ["writeFileSync", s(byPathOrFd, writeFileSync)],
  ["appendFile", c(byPathOrFd, appendFile)],
  ["appendFileSync", s(byPathOrFd, appendFileSync)],
  ["truncate", c(truncateTakesFd ? byPathOrFd : byPath, truncate)],
  ["truncateSync", s(truncateTakesFd ? byPathOrFd : byPath, truncateSync)],
  ["copyFile", c(byEitherPath, copyFile)],
  ["copyFileSync", s(byEitherPath, copyFileSync)],
  ["openAsBlob", s(byPath, openAsBlob)],
  ["openAsBlobSync", s(byPath, openAsBlobSync)],
  ["mkdir", c(byLinkPath, mkdir)],
  ["mkdirSync", s(byLinkPath, mkdirSync)],
  ["mkdtemp", c(byPath, mkdtemp)],
  ["mkdtempSync", s(byPath, mkdtempSync)],
  ["mkdtempDisposableSync", s(byPath, mkdtempDisposableSync)],
  ["readdir", c(byPath, readdir)],
  ["readdirSync", s(byPath, readdirSync2)],
  ["rmdir", c(byLinkPath, rmdir)],
  ["rmdirSync", s(byLinkPath, rmdirSync)],
  ["rm", c(byLinkPath, rm)],
  ["rmSync", s(byLinkPath, rmSync)],
  ["opendir", c(byPath, opendir)],
  ["opendirSync", s(byPath, opendirSync)],
  ["cp", c(byEitherPath, cp)],
  ["cpSync", s(byEitherPath, cpSync)],
  ["rename", c(byEitherLinkPath, rename)],
  ["renameSync", s(byEitherLinkPath, renameSync)],
  ["link", c(byEitherLinkPath, link)],
  ["linkSync", s(byEitherLinkPath, linkSync)],
  ["symlink", c(bySecondLinkPath, symlink)],
  ["symlinkSync", s(bySecondLinkPath, symlinkSync)],
  ["readlink", c(byLinkPath, readlink)],
  ["readlinkSync", s(byLinkPath, readlinkSync3)],
  ["realpath", c(byPath, realpath)],
  ["realpathSync", l(byPath, realpathSync2, realpathSyncOnDisk)],
  ["unlink", c(byLinkPath, unlink)],
  ["unlinkSync", s(byLinkPath, unlinkSync)],
  ["chmod", c(byPath, chmod)],
  ["chmodSync", s(byPath, chmodSync)],
  ["chown", c(byPath, chown)],
  ["chownSync", s(byPath, chownSync)],
  ["lchown", c(byLinkPath, lchown)],
  ["lchownSync", s(byLinkPath, lchownSync)],
  ["utimes", c(byPath, utimes)],
  ["utimesSync", s(byPath, utimesSync)],
  ["lutimes", c(byLinkPath, lutimes)],
  ["lutimesSync", s(byLinkPath, lutimesSync)],
  ["watch", s(byPath, watch)],
  ["watchFile", s(byPath, watchFile)],
  ["unwatchFile", s(byPath, unwatchFile)]
]);
var routedNative = {
  realpath: c(byPath, realpathNative2),
  realpathSync: s(byPath, realpathSyncNative)
};
var routedPromises = /* @__PURE__ */ new Map([
  ["access", p(byPath, accessPromise)],
  ["stat", p(byPath, statPromise)],
  ["lstat", p(byLinkPath, lstatPromise)],
  ["statfs", p(byPath, statfsPromise)],
  ["open", p(byPath, openFileHandle)],
  ["readFile", p(byPathOrHandle, readFilePromise)],
  ["writeFile", p(byPathOrHandle, writeFilePromise)],
  ["appendFile", p(byPathOrHandle, appendFilePromise)],
  ["truncate", p(byPath, truncatePromise)],
  ["copyFile", p(byEitherPath, copyFilePromise)],
  ["mkdir", p(byLinkPath, mkdirPromise)],
  ["mkdtemp", p(byPath, mkdtempPromise)],
  ["mkdtempDisposable", p(byPath, mkdtempDisposablePromise)],
  ["readdir", p(byPath, readdirPromise)],
  ["rmdir", p(byLinkPath, rmdirPromise)],
  ["rm", p(byLinkPath, rmPromise)],
  ["opendir", p(byPath, opendirPromise)],
  ["cp", p(byEitherPath, cpPromise)],
  ["rename", p(byEitherLinkPath, renamePromise)],
  ["link", p(byEitherLinkPath, linkPromise)],
  ["symlink", p(bySecondLinkPath, symlinkPromise)],
  ["readlink", p(byLinkPath, readlinkPromise)],
  ["realpath", p(byPath, realpathPromise)],
  ["unlink", p(byLinkPath, unlinkPromise)],
  ["chmod", p(byPath, chmodPromise)],
  ["chown", p(byPath, chownPromise)],
  ["lchown", p(byLinkPath, lchownPromise)],
  ["utimes", p(byPath, utimesPromise)],
  ["lutimes", p(byLinkPath, lutimesPromise)],
  ["watch", { face: "sync", owns: byPath, impl: watchPromise }]
]);

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
function withoutSync(name2) {
  return name2.endsWith("Sync") ? name2.slice(0, -4) : name2;
}
function changeNotes(name2) {
  const base = withoutSync(name2);
  const list = changes[base];
  if (!list) return void 0;
  const writesData = base === "writeFile" || base === "appendFile";
  return (args, existedBefore) => {
    if (existedBefore === void 0) return;
    list.forEach(([event, index, cause], i) => {
      const arg = args[index];
      if (typeof arg !== "string") return;
      const abs = path.resolve(arg);
      if (event === "change" && !existedBefore[i]) notifyChange("rename", abs, "create");
      const data = args[1];
      if (writesData && data != null && data.length === 0) return;
      notifyChange(event, abs, cause);
    });
  };
}
function existence(name2, args) {
  if (!isWatched()) return void 0;
  const list = changes[withoutSync(name2)] ?? [];
  return list.map(([, index]) => typeof args[index] === "string" && context.engine.exists(args[index]));
}
function withNotes(name2, member) {
  const notes = changeNotes(name2);
  if (!notes) return member;
  if (member.face === "callback") {
    const prepare = member.impl;
    return {
      ...member,
      impl: (args) => {
        const job = prepare(args);
        return {
          ...job,
          run: () => {
            const before2 = existence(name2, args);
            const results = job.run();
            if (results instanceof Promise) return results.then((r) => (notes(args, before2), r));
            notes(args, before2);
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
      const before2 = existence(name2, args);
      const result = impl(...args);
      if (result instanceof Promise) return result.then((r) => (notes(args, before2), r));
      notes(args, before2);
      return result;
    }
  };
}
var renamesOnDisk = /* @__PURE__ */ new Set(["symlink", "rename", "unlink", "rmdir", "rm", "cp"]);
function forgettingSymlinks(original) {
  return function(...args) {
    forgetOnDisk();
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = function(...results) {
        forgetOnDisk();
        return Reflect.apply(callback, this, results);
      };
    }
    const result = Reflect.apply(original, this, args);
    if (result instanceof Promise) result.then(forgetOnDisk, forgetOnDisk);
    else forgetOnDisk();
    return result;
  };
}
function forgetOnDisk() {
  context.router.forget();
  forgetLaneAnswers();
}
function buildFace(name2, nodeOriginal, member) {
  const original = renamesOnDisk.has(withoutSync(name2)) ? forgettingSymlinks(nodeOriginal) : nodeOriginal;
  const routed = withNotes(name2, member);
  switch (routed.face) {
    case "sync":
      if (routed.onDisk !== void 0) return untouchedFirstFace(original, routed.owns, routed.impl, routed.onDisk);
      return syncFace(original, routed.owns, routed.impl);
    case "callback":
      return callbackFace(original, routed.owns, routed.impl);
    case "promise":
      return promiseFace(original, routed.owns, routed.impl);
  }
}
function currentValue(target, key, descriptor = Object.getOwnPropertyDescriptor(target, key)) {
  if (!descriptor) return void 0;
  const value = "value" in descriptor ? descriptor.value : descriptor.get?.call(target);
  return typeof value === "function" ? value : void 0;
}
function patchMember(target, key, member, originalKey) {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  const original = currentValue(target, key, descriptor);
  if (!original) return void 0;
  context.originals[originalKey] = original;
  const face = buildFace(key, original, member);
  copyOwnProperties(original, face);
  context.faces.add(face);
  if (descriptor.writable && descriptor.configurable) target[key] = face;
  else Object.defineProperty(target, key, { value: face, writable: true, enumerable: descriptor.enumerable ?? true, configurable: true });
  return face;
}
var promisesPatched = false;
function patchFsPromises() {
  if (promisesPatched) return;
  patchPromiseMembers();
  (0, import_node_module2.syncBuiltinESMExports)();
}
function patchPromiseMembers() {
  promisesPatched = true;
  const fsp = nodePromises();
  for (const key of routedPromises.keys()) {
    const original = currentValue(fsp, key);
    if (original) context.originals[`promises.${key}`] = original;
  }
  for (const [key, member] of routedPromises) patchMember(fsp, key, member, `promises.${key}`);
}
var nodePromises;
function deferPromises() {
  const descriptor = Object.getOwnPropertyDescriptor(fs, "promises");
  const get = descriptor.get;
  if (get === void 0) return patchPromiseMembers();
  Object.defineProperty(fs, "promises", {
    ...descriptor,
    get: function promises() {
      patchFsPromises();
      return get.call(fs);
    }
  });
  const processWithBuiltins = process;
  const getBuiltinModule = processWithBuiltins.getBuiltinModule;
  if (typeof getBuiltinModule !== "function") return;
  const wrapped = {
    getBuiltinModule(id) {
      if (id === "fs/promises" || id === "node:fs/promises") patchFsPromises();
      return Reflect.apply(getBuiltinModule, process, [id]);
    }
  }.getBuiltinModule;
  copyOwnProperties(getBuiltinModule, wrapped);
  Object.defineProperty(process, "getBuiltinModule", { ...Object.getOwnPropertyDescriptor(process, "getBuiltinModule"), value: wrapped });
}
function installFs(engine, router, o = {}) {
  const marked = fs;
  if (marked[installedMark]) return;
  Object.defineProperty(fs, installedMark, { value: true, enumerable: false });
  context.engine = engine;
  context.router = router;
  const promisesGetter = Object.getOwnPropertyDescriptor(fs, "promises")?.get;
  nodePromises = promisesGetter ? () => promisesGetter.call(fs) : () => fs.promises;
  for (const [key, member] of routedFs) {
    const face = patchMember(fs, key, member, key);
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
  if (o.untouchedLane) enableLane();
  if (o.deferPromises) deferPromises();
  else patchPromiseMembers();
  (0, import_node_module2.syncBuiltinESMExports)();
}

// src/node/modules.ts
var import_node_module4 = require("node:module");
var import_node_path = require("node:path");

// src/node/first-reach.ts
var import_node_module3 = require("node:module");

// src/platform/builtin-waits.ts
var BuiltinWaits = class {
  /** Per builtin (without "node:"), what waits for it: several works may wait for one builtin, and each runs once. */
  waiting = /* @__PURE__ */ new Map();
  /** `work` runs once, the first time any of `ids` (without "node:") is reached. */
  add(ids, work) {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      for (const id of ids) {
        const works = this.waiting.get(id)?.filter((w) => w !== once);
        if (works === void 0 || works.length === 0) this.waiting.delete(id);
        else this.waiting.set(id, works);
      }
      work();
    };
    for (const id of ids) {
      const works = this.waiting.get(id);
      if (works === void 0) this.waiting.set(id, [once]);
      else works.push(once);
    }
  }
  /** A specifier was required, imported or asked for. Cheap while nothing waits: a Map lookup after. */
  reached(specifier) {
    if (this.waiting.size === 0) return;
    const works = this.waiting.get(specifier.startsWith("node:") ? specifier.slice(5) : specifier);
    if (works !== void 0) for (const work of [...works]) work();
  }
};

// src/node/first-reach.ts
var waits = new BuiltinWaits();
var watching = false;
function whenBuiltinReached(ids, work) {
  const loaded2 = process.moduleLoadList;
  if (loaded2 === void 0 || ids.some((id) => loaded2.includes(`NativeModule ${id}`))) return work();
  waits.add(ids, work);
  watch2();
}
function builtinReached(specifier) {
  waits.reached(specifier);
}
function watch2() {
  if (watching) return;
  watching = true;
  wrapGetBuiltinModule();
  if (typeof import_node_module3.Module.registerHooks !== "function") wrapModuleLoad();
}
function wrapGetBuiltinModule() {
  const getBuiltinModule = process.getBuiltinModule;
  if (typeof getBuiltinModule !== "function") return;
  const wrapped = {
    getBuiltinModule(id) {
      if (typeof id === "string") builtinReached(id);
      return Reflect.apply(getBuiltinModule, process, [id]);
    }
  }.getBuiltinModule;
  copyOwnProperties(getBuiltinModule, wrapped);
  Object.defineProperty(process, "getBuiltinModule", { ...Object.getOwnPropertyDescriptor(process, "getBuiltinModule"), value: wrapped });
}
function wrapModuleLoad() {
  const internals = import_node_module3.Module;
  const load = internals._load;
  const wrapped = {
    _load(request) {
      if (typeof request === "string") builtinReached(request);
      return Reflect.apply(load, this, arguments);
    }
  }._load;
  copyOwnProperties(load, wrapped);
  internals._load = wrapped;
}

// src/node/modules.ts
var import_node_url3 = require("node:url");
var S_IFMT4 = 61440;
var S_IFREG3 = 32768;
var S_IFDIR4 = 16384;
var ModuleInternals = import_node_module4.Module;
function canHookModules() {
  return typeof ModuleInternals.registerHooks === "function";
}
function installModuleLoading(engine, router) {
  const lookup = new OverlayLookup(engine, router);
  installStat(lookup);
  if (!canHookModules()) return "require";
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
  /** Whether the overlay deleted a file Node's own resolution found (so on the disk, or in memory through _stat). */
  isDeleted(file) {
    const lane = laneAnswer(file);
    if (lane === NOT_OURS) return false;
    if (lane === void 0 && !this.router.owns(file)) return false;
    const fast = typeof lane === "string" ? untouchedStatAt(lane, true, false) : void 0;
    if (fast !== void 0) return fast === null;
    return this.engine.tryStat(file, true) === void 0;
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
      const mainPath = (0, import_node_path.resolve)(target, main2);
      const found = this.fileWithExtensions(mainPath) ?? this.index(mainPath);
      if (found !== void 0) return found;
    }
    return this.index(target);
  }
  /** The nearest package.json "type" from the file's folder up, through the overlay while the folders are its own. */
  packageType(file) {
    for (let dir = (0, import_node_path.dirname)(file); ; dir = (0, import_node_path.dirname)(dir)) {
      if (!this.router.owns(dir)) return void 0;
      const pkg = this.packageJson(dir);
      if (pkg !== void 0) return typeof pkg.type === "string" ? pkg.type : void 0;
      if ((0, import_node_path.dirname)(dir) === dir) return void 0;
    }
  }
  fileWithExtensions(base) {
    if (this.kind(base) === "file") return base;
    for (const ext of requireExtensions()) if (this.kind(base + ext) === "file") return base + ext;
    return void 0;
  }
  index(dir) {
    for (const ext of requireExtensions()) {
      const file = (0, import_node_path.join)(dir, `index${ext}`);
      if (this.kind(file) === "file") return file;
    }
    return void 0;
  }
  packageJson(dir) {
    const file = (0, import_node_path.join)(dir, "package.json");
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
  const type = stat2.mode & S_IFMT4;
  return type === S_IFREG3 ? "file" : type === S_IFDIR4 ? "directory" : void 0;
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
    if (specifier === "fs/promises" || specifier === "node:fs/promises") patchFsPromises();
    builtinReached(specifier);
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
    if (!forRequire && resolved.url.startsWith("file:") && !overlayHoldsNothing()) {
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
  } else if ((0, import_node_path.isAbsolute)(specifier)) {
    target = specifier;
  } else if (isRelative(specifier)) {
    const parentDir = parentURL?.startsWith("file:") ? (0, import_node_path.dirname)((0, import_node_url3.fileURLToPath)(parentURL)) : process.cwd();
    target = (0, import_node_path.resolve)(parentDir, specifier);
  } else {
    return void 0;
  }
  const found = forRequire ? lookup.findForRequire(target, specifier.endsWith("/")) : lookup.kind(target) === "file" ? target : void 0;
  return found === void 0 ? void 0 : lookup.engine.realpath(found);
}
function formatOf(lookup, file, forRequire) {
  switch ((0, import_node_path.extname)(file)) {
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
  const { compileFunction } = get ? get("node:vm") : import_node_module4.Module.createRequire(process.execPath)("node:vm");
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
    if (typeof filename === "string" && overlayHoldsNothing()) return diskStat(filename);
    const lane = typeof filename === "string" ? laneAnswer(filename) : void 0;
    if (lane === NOT_OURS || lane === void 0 && !lookup.router.owns(filename)) return diskStat(filename);
    const fast = typeof lane === "string" ? untouchedStatAt(lane, true, false) : lane === ENGINE ? void 0 : untouchedStat(filename, true, false);
    if (fast === null) return -2;
    if (fast !== void 0) return fast.isFile() ? 0 : fast.isDirectory() ? 1 : -2;
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
      if (!isNotFound(error) || !(isRelative(request) || (0, import_node_path.isAbsolute)(request))) throw error;
      const parentFile = parent?.filename;
      const base = typeof parentFile === "string" ? (0, import_node_path.dirname)(parentFile) : process.cwd();
      const found = lookup.findForRequire((0, import_node_path.resolve)(base, request), request.endsWith("/"));
      if (found === void 0) throw error;
      return lookup.engine.realpath(found);
    }
  };
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
var wellFormed2 = (text2) => text2.isWellFormed();
function binaryHeaderHolds(r) {
  return r.t >= 0n && r.t <= uint64Max && r.atimeNs >= int64Min && r.atimeNs <= int64Max && r.mtimeNs >= int64Min && r.mtimeNs <= int64Max && wellFormed2(r.path) && (r.tf === void 0 || wellFormed2(r.tf));
}
function headerOf(record) {
  if (record.k !== "content") return JSON.stringify(record);
  if (typeof record.t !== "bigint") return contentJson(record);
  const header = record;
  return binaryHeaderHolds(header) ? header : contentJson(asContentRecord(header));
}
function frameBytesAtMost(header, dataLength) {
  if (typeof header === "string") return frameHeadBytes + header.length * 3 + dataLength;
  return frameHeadBytes + binaryContentLayout.path + (header.path.length + (header.tf === void 0 ? 0 : header.tf.length)) * 3 + dataLength;
}
function writeFrame(target, at, header, data) {
  const headerLength = typeof header === "string" ? target.write(header, at + frameHeadBytes, "utf8") : writeContentHeader(target, at + frameHeadBytes, header);
  const dataLength = data === void 0 ? 0 : data.length;
  target.writeUInt32LE(headerLength, at);
  target.writeUInt32LE(dataLength, at + 4);
  const end = at + frameHeadBytes + headerLength;
  if (dataLength !== 0) target.set(data, end);
  return end + dataLength;
}
var view;
function writeContentHeader(target, at, r) {
  if (view === void 0 || view.buffer !== target.buffer) view = new DataView(target.buffer);
  const v = view;
  const o = target.byteOffset + at;
  const L = binaryContentLayout;
  let flags = 0;
  if (r.tf !== void 0) flags |= hasTestFile;
  if (r.ti !== void 0) flags |= hasTestId;
  if (r.sup !== void 0) flags |= isSuperseded;
  if (r.at !== void 0) flags |= hasContinuation;
  v.setUint8(o + L.tag, binaryContentTag);
  v.setUint8(o + L.flags, flags);
  v.setBigUint64(o + L.t, r.t, true);
  v.setBigInt64(o + L.atimeNs, r.atimeNs, true);
  v.setBigInt64(o + L.mtimeNs, r.mtimeNs, true);
  v.setFloat64(o + L.ino, r.ino, true);
  v.setFloat64(o + L.mode, r.mode, true);
  v.setFloat64(o + L.uid, r.uid, true);
  v.setFloat64(o + L.gid, r.gid, true);
  v.setFloat64(o + L.size, r.size, true);
  v.setFloat64(o + L.ti, r.ti ?? 0, true);
  v.setFloat64(o + L.at, r.at ?? 0, true);
  const pathBytes = target.write(r.path, at + L.path, "utf8");
  v.setUint32(o + L.pathBytes, pathBytes, true);
  const testFileBytes = r.tf === void 0 ? 0 : target.write(r.tf, at + L.path + pathBytes, "utf8");
  return L.path + pathBytes + testFileBytes;
}
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
function asContentRecord(r) {
  return { ...r, t: String(r.t), atimeNs: String(r.atimeNs), mtimeNs: String(r.mtimeNs) };
}
function encodeFrame(record, data) {
  const header = headerOf(record);
  const dataLength = data?.length ?? 0;
  const inline = dataLength <= inlineDataBytes;
  if (frameBytesAtMost(header, inline ? dataLength : 0) <= scratch.length) {
    const end2 = writeFrame(scratch, 0, header, inline ? data : void 0);
    if (inline) return [scratch.subarray(0, end2)];
    scratch.writeUInt32LE(dataLength, 4);
    return [scratch.subarray(0, end2), data];
  }
  const head = Buffer.allocUnsafe(frameBytesAtMost(header, 0));
  const end = writeFrame(head, 0, header);
  head.writeUInt32LE(dataLength, 4);
  return dataLength > 0 ? [head.subarray(0, end), data] : [head.subarray(0, end)];
}
function encodeFrameHead(record, dataLength) {
  const header = headerOf(record);
  const head = Buffer.allocUnsafe(frameBytesAtMost(header, 0));
  const end = writeFrame(head, 0, header);
  head.writeUInt32LE(dataLength, 4);
  return head.subarray(0, end);
}
function contentJson(r) {
  let json = `{"k":"content","t":"${r.t}","path":${JSON.stringify(r.path)},"ino":${r.ino},"mode":${r.mode},"uid":${r.uid},"gid":${r.gid},"size":${r.size},"atimeNs":"${r.atimeNs}","mtimeNs":"${r.mtimeNs}"`;
  if (r.tf !== void 0) json += `,"tf":${JSON.stringify(r.tf)}`;
  if (r.ti !== void 0) json += `,"ti":${r.ti}`;
  if (r.sup !== void 0) json += `,"sup":${r.sup}`;
  if (r.at !== void 0) json += `,"at":${r.at}`;
  return `${json}}`;
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
    const p2 = record[field];
    if (!roots.some((root) => isAtOrUnder(p2, root))) return { outsideRoots: p2 };
  }
  return record;
}
function wellFormedPath(p2) {
  if (p2.includes("\0")) return "holds a NUL byte";
  if (!p2.startsWith("/")) return "is not absolute";
  if (!isNormalised(p2)) return "is not normalised";
  return void 0;
}
function isNormalised(p2) {
  if (p2 === "/") return true;
  return !(p2.endsWith("/") || p2.includes("//") || p2.includes("/./") || p2.includes("/../") || p2.endsWith("/.") || p2.endsWith("/.."));
}
function isAtOrUnder(candidate, root) {
  return candidate === root || candidate.startsWith(root === "/" ? "/" : `${root}/`);
}
function checkContinuation(at, continuedLength) {
  return at <= continuedLength ? void 0 : `content: at ${at} lies beyond the ${continuedLength} bytes it continues`;
}
function isTrustedJournal(stat2, runUid) {
  return stat2.uid === runUid;
}
function refusedRecordDetail(recordNumber, reason) {
  return `record ${recordNumber} refused (${reason}); it and the rest of this journal were ignored`;
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
    let link2 = this;
    while (link2 !== void 0) {
      if (link2.extents !== void 0) break;
      chain.push(link2);
      if (link2.at === void 0) {
        link2 = void 0;
        break;
      }
      link2 = link2.base;
    }
    const extents = link2?.extents ? link2.extents.slice() : [];
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

// src/changes/spool-space.ts
var os = () => loadBuiltin("node:os");
var MiB = 1024 * 1024;
var minReserve = 256 * MiB;
var reserveShare = 0.05;
var maxReserveShare = 0.25;
var maxStep = 8 * MiB;
var minStep = 64 * 1024;
var rereadAfterRefusalMs = 100;
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
  availableMemory: () => process.availableMemory?.() ?? os().freemem(),
  totalMemory() {
    const constrained = process.constrainedMemory?.() ?? 0;
    const total = os().totalmem();
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
  const stat2 = system.statfs(dir);
  const size = stat2.blocks * stat2.bsize;
  if (size > 0) {
    const reserve = reserveFor(size);
    consider(stat2.bavail * stat2.bsize - reserve, "disk", reserve);
  }
  if (isInRam(stat2.type)) {
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
var SpoolSpace = class {
  spoolDir;
  capBytes;
  system;
  /** Bytes that may be admitted before the figures are read again. */
  untilRead = 0;
  /** The room the last reading saw. */
  room = 0;
  /** Admitted but not yet in the spool (a file still open, a journal write to come). */
  pending = 0;
  lastReading;
  lastReadMs = Number.NEGATIVE_INFINITY;
  refusedAtLastRead = false;
  refusal;
  /** Saves the files still open (the journal's flush), so that what this process admitted shows in the figures. */
  flushPending;
  flushing = false;
  constructor(o) {
    this.spoolDir = o.spoolDir;
    this.capBytes = o.capBytes;
    this.system = o.system ?? thisSystem;
  }
  /** Whether the spool may grow by `bytes` (what a change will add to the journal); false means ENOSPC. */
  admit(bytes) {
    if (bytes <= this.untilRead) {
      this.untilRead -= bytes;
      this.pending += bytes;
      return true;
    }
    return this.admitAfterReading(bytes);
  }
  admitAfterReading(bytes) {
    if (this.pending >= maxStep && this.flushPending !== void 0 && !this.flushing) {
      this.flushing = true;
      try {
        this.flushPending();
      } catch {
      } finally {
        this.flushing = false;
      }
      this.refusedAtLastRead = false;
    }
    const now2 = this.system.nowMs();
    if (!this.refusedAtLastRead || now2 - this.lastReadMs >= rereadAfterRefusalMs) this.read(now2);
    const left = this.room - this.pending;
    if (bytes > left) {
      this.refusedAtLastRead = true;
      this.untilRead = 0;
      this.refusal = void 0;
      return false;
    }
    this.refusedAtLastRead = false;
    this.pending += bytes;
    const rest = left - bytes;
    this.untilRead = Math.min(rest, Math.max(minStep, Math.min(maxStep, Math.floor(rest / 8))));
    return true;
  }
  read(now2) {
    let reading;
    try {
      reading = readSpace(this.spoolDir, this.capBytes, this.system);
    } catch {
      reading = { room: Number.POSITIVE_INFINITY, bound: "disk", reserveBytes: 0 };
    }
    this.lastReading = reading;
    this.room = reading.room;
    this.lastReadMs = now2;
  }
  /** The journal wrote `bytes` of content that were admitted: they are in the filesystem's figures from now on. */
  journaled(bytes) {
    this.pending = this.pending > bytes ? this.pending - bytes : 0;
  }
  /** The journal saved every file still open: nothing admitted is waiting any more. */
  settled() {
    this.pending = 0;
  }
  /** Why the last refusal happened, for the report (measured once per refusal that asks, not at each refusal). */
  describeRefusal() {
    if (this.refusal) return this.refusal;
    const reading = this.lastReading ?? { room: 0, bound: "disk", reserveBytes: 0 };
    let limitBytes = this.capBytes ?? 0;
    if (reading.bound !== "cap") {
      try {
        limitBytes = this.system.spoolBytes(this.spoolDir);
      } catch {
        limitBytes = 0;
      }
    }
    this.refusal = { bound: reading.bound, limitBytes, reserveBytes: reading.reserveBytes, where: describeSpoolFilesystem(this.spoolDir, this.system) };
    return this.refusal;
  }
};

// src/platform/tmpdir.ts
function tmpdir() {
  const dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || "/tmp";
  return dir.length > 1 && dir.endsWith("/") ? dir.slice(0, -1) : dir;
}

// src/changes/announcements.ts
var fileName = "announcements";
function announcementsFile(spoolDir) {
  return path.join(spoolDir, fileName);
}
function announcementOf(journalFile, compacted = false) {
  return Buffer.from(`${compacted ? compactedMark : ""}${path.basename(journalFile)}
`);
}
var compactedMark = "~";
var { O_RDONLY: O_RDONLY3, O_NOFOLLOW: O_NOFOLLOW3, O_NONBLOCK } = fs.constants;
var chunkBytes = 16 * 1024;
var maxLineBytes = 255;
var AnnouncementReader = class {
  constructor(spoolDir) {
    this.spoolDir = spoolDir;
  }
  spoolDir;
  fd;
  offset = 0;
  buffer = Buffer.allocUnsafe(chunkBytes);
  /** The part of a line read so far, when a read ended inside it (a writer's line is one write, but reads race it). */
  partial = "";
  /**
   * The journals announced since the last call, by file name (each once, `~` first for one compacted since); an
   * empty list when nothing was.
   */
  poll() {
    if (this.fd === void 0 && !this.openNow()) return noNames;
    const n = originalFs.readSync(this.fd, this.buffer, 0, chunkBytes, this.offset);
    if (n === 0) return noNames;
    return this.collect(n);
  }
  /** Everything announced until now is known already (the reader just read the journals whole). */
  skipToEnd() {
    if (this.fd === void 0 && !this.openNow()) return;
    this.offset = originalFs.fstatSync(this.fd).size;
    this.partial = "";
  }
  close() {
    if (this.fd !== void 0) originalFs.closeSync(this.fd);
    this.fd = void 0;
  }
  /** Looks left before the next try to open a file that was missing (a failed open costs an Error and its stack). */
  retryIn = 0;
  openNow() {
    if (this.retryIn > 0) {
      this.retryIn--;
      return false;
    }
    if (this.open()) return true;
    this.retryIn = 256;
    return false;
  }
  open() {
    try {
      this.fd = originalFs.openSync(announcementsFile(this.spoolDir), O_RDONLY3 | (O_NOFOLLOW3 ?? 0) | (O_NONBLOCK ?? 0));
      return true;
    } catch {
      return false;
    }
  }
  collect(first) {
    const names = /* @__PURE__ */ new Set();
    let n = first;
    while (n > 0) {
      this.offset += n;
      const text2 = this.partial + this.buffer.toString("latin1", 0, n);
      const lines = text2.split("\n");
      this.partial = lines.pop();
      if (this.partial.length > maxLineBytes) this.partial = "";
      for (const line of lines) if (line.endsWith(journalSuffix) && !line.includes("/") && line.length <= maxLineBytes) names.add(line);
      if (n < chunkBytes) break;
      n = originalFs.readSync(this.fd, this.buffer, 0, chunkBytes, this.offset);
    }
    return [...names];
  }
};
var noNames = [];

// src/changes/spool.ts
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
  return names.filter((name2) => name2.endsWith(journalSuffix)).sort().map((name2) => path.join(spoolDir, name2));
}

// src/changes/read-journals.ts
var { O_RDONLY: O_RDONLY4, O_NOFOLLOW: O_NOFOLLOW4, O_NONBLOCK: O_NONBLOCK2 } = fs.constants;
var journalOpenFlags = O_RDONLY4 | (O_NOFOLLOW4 ?? 0) | (O_NONBLOCK2 ?? 0);
function openRunJournal(file, roots, runUid = originalFs.statSync(path.dirname(file)).uid) {
  let fd;
  try {
    fd = originalFs.openSync(file, journalOpenFlags);
  } catch {
    return void 0;
  }
  try {
    const stat2 = originalFs.fstatSync(fd);
    if (stat2.isFile() && isTrustedJournal(stat2, runUid)) return new JournalReader(file, fd, roots);
  } catch {
  }
  originalFs.closeSync(fd);
  return void 0;
}
function readJournalFile(file, fd, size, roots) {
  const reader = new JournalReader(file, fd, roots);
  const changes2 = reader.readTo(size);
  return { journal: reader.journal, changes: changes2, holdsContent: reader.holdsContent, ...reader.detail !== void 0 ? { detail: reader.detail } : {} };
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
    const changes2 = [];
    if (this.journal.refused !== void 0 || this.detail !== void 0 || size <= this.offset) return changes2;
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
      changes2.push(change);
      if (record.k !== "content") return;
      if (saves.length > 0) saves.push(record);
      if (record.sup) {
        awaitingBytes.push(change);
        return;
      }
      const base = record.at === void 0 ? void 0 : lastLink.get(record.ino);
      const continuation = record.at === void 0 || roots === void 0 ? void 0 : checkContinuation(record.at, base?.size ?? 0);
      if (continuation !== void 0) {
        changes2.pop();
        journal.refused = refusedRecordDetail(at + 1, continuation);
        return false;
      }
      const piece = { fd, offset: frame.dataOffset, length: frame.dataLength };
      if (frame.dataLength > 0) this.holdsContent = true;
      const link2 = new ContentLink(piece, base, record.at, record.size);
      lastLink.set(record.ino, link2);
      change.content = link2;
    }, this.offset);
    for (const change of awaitingBytes) change.content = lastLink.get(change.record.ino) ?? emptyContent;
    this.offset = scan.end;
    journal.tornBytes = scan.tornBytes;
    if (scan.stoppedAt !== void 0) this.detail ??= `${scan.stoppedAt}: the rest of this journal was not read`;
    journal.changeCount += changes2.length;
    journal.unsaved = unsavedAtEnd(saves);
    return changes2;
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

// src/changes/test-file.ts
var testNamePatterns = [/\.(test|spec)\.[cm]?[jt]sx?$/, /(^|\/)__tests__\//];
var testPlacePatterns = [/(^|\/)(tests?|spec)\//, /(^|\/)(tests?|spec)\.[cm]?[jt]sx?$/];
function testFileScore(file, cwd = process.cwd()) {
  if (file.startsWith("node:") || file.includes("/node_modules/")) return 0;
  if (testNamePatterns.some((pattern) => pattern.test(file))) return 2;
  const relative = file.startsWith(cwd + "/") ? file.slice(cwd.length + 1) : void 0;
  return relative !== void 0 && testPlacePatterns.some((pattern) => pattern.test(relative)) ? 1 : 0;
}
function fileOf(site) {
  const name2 = site.getFileName() ?? site.getScriptNameOrSourceURL?.();
  if (!name2) return void 0;
  return name2.startsWith("file://") ? decodeURIComponent(new URL(name2).pathname) : name2;
}
var maxFrames = 60;
var cached;
var forget = () => {
  cached = void 0;
};
function testFileOfCurrentRun() {
  if (cached) return cached.file;
  cached = { file: testFileOnStack() ?? mainScriptIfTest() };
  process.nextTick(forget);
  queueMicrotask(forget);
  return cached.file;
}
var mainScript;
function mainScriptIfTest() {
  if (mainScript) return mainScript.file;
  const script = process.argv[1];
  mainScript = { file: script && testFileScore(script, process.cwd()) > 0 ? script : void 0 };
  return mainScript.file;
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
    const name2 = site.getFileName();
    if (!name2) continue;
    let known = scoreOfName.get(name2);
    if (!known) {
      const file = fileOf(site);
      known = { file, score: testFileScore(file, process.cwd()) };
      if (scoreOfName.size < 1e4) scoreOfName.set(name2, known);
    }
    if (known.score === 2) return known.file;
    if (known.score === 1) byFolder ??= known.file;
  }
  return byFolder;
}

// src/changes/running-test.ts
var sources = [];
var listeners = [];
function addTestSource(source) {
  sources.push(source);
}
function currentTest() {
  for (let i = 0; i < sources.length; i++) {
    try {
      const test = sources[i]();
      if (test !== void 0) return test;
    } catch {
    }
  }
  return void 0;
}
function onTestEnded(listener) {
  listeners.push(listener);
}
function testEnded(test) {
  for (const listener of listeners) {
    try {
      listener(test);
    } catch {
    }
  }
}
var nameSeparator = " > ";

// src/changes/thread.ts
function workerThreadsModule() {
  const loaded2 = process.moduleLoadList;
  if (loaded2 !== void 0 && !loaded2.includes("NativeModule worker_threads")) return void 0;
  const getBuiltin = process.getBuiltinModule;
  return getBuiltin?.("node:worker_threads");
}
function currentThread() {
  const workers = workerThreadsModule();
  return { isMainThread: workers?.isMainThread ?? true, threadId: workers?.threadId ?? 0 };
}

// src/changes/journal.ts
function openJournal(o) {
  return new JournalWriter(o);
}
var defaultSweepIntervalMs = 1e3;
var sweepBudgetShare = 50;
var maxSweepIntervalMs = 3e4;
var journalMode = 384;
var keptContentBudget = 32 * 1024 * 1024;
var noBytes = new Uint8Array(0);
var spareFrameBytes = 1024;
var maxDeferredFiles = 256;
var directWriteBytes = 256 * 1024;
var JournalBatch = class {
  records = [];
  /** Where each record's frame ends in the buffer. */
  ends = [];
  bytes = 0;
  buffer = Buffer.allocUnsafe(16 * 1024);
  /**
   * Encodes the record's frame straight into the buffer (the data copied: the engine may change a file's bytes in
   * place later in this turn). Returns the bytes of its head and header.
   */
  add(record, data) {
    const header = headerOf(record);
    const room = frameBytesAtMost(header, data === void 0 ? 0 : data.length);
    if (this.bytes + room > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.bytes + room));
      this.buffer.copy(grown, 0, 0, this.bytes);
      this.buffer = grown;
    }
    const start = this.bytes;
    this.bytes = writeFrame(this.buffer, start, header, data);
    this.records.push(record);
    this.ends.push(this.bytes);
    return this.bytes - start - (data === void 0 ? 0 : data.length);
  }
  /** The queued frames as one buffer, valid until the next add; the batch is empty after. */
  take() {
    const taken = { records: this.records, frames: this.buffer.subarray(0, this.bytes), ends: this.ends };
    this.records = [];
    this.ends = [];
    this.bytes = 0;
    if (this.buffer.length > 4 * directWriteBytes) this.buffer = Buffer.allocUnsafe(16 * 1024);
    return taken;
  }
};
var JournalWriter = class {
  file;
  engine;
  /** undefined once closed; a change that comes later (an 'exit' listener writing) opens it again. */
  fd;
  fileBytes = 0;
  /** Bytes of the latest content of each inode: what compaction would keep of the data. */
  liveBytes = 0;
  /** Bytes of every frame head and header written: compaction keeps most of them (a bound, not a guess). */
  headerBytes = 0;
  /** The journal's size right after its last compaction: it compacts again only once it has doubled since. */
  compactedBytes = 0;
  /** How often the journal was compacted: at most logarithmic in what it was given (a test and a bench read it). */
  compactions = 0;
  latest = /* @__PURE__ */ new Map();
  /** Per path this journal changed: when it last did, and whether its first record was written (see PathState). */
  paths = /* @__PURE__ */ new Map();
  /** The id of each test this journal's changes named (TestRecord), and those whose outcome it does not hold yet. */
  testIds = /* @__PURE__ */ new Map();
  outcomeUnknown = /* @__PURE__ */ new Set();
  /** Files closed (or saved) this turn whose bytes are read at its end: by inode, in the order first closed. */
  deferred = /* @__PURE__ */ new Map();
  /** saveDeferredContent is running: a batch it fills is written as it goes, the rest of the files in their order. */
  savingDeferred = false;
  journaledContent = /* @__PURE__ */ new Map();
  /** Inodes whose `unsaved` record no content record follows yet: the next one is written even for the same bytes. */
  unsaved = /* @__PURE__ */ new Set();
  journaledBytes = 0;
  /** Writes refused for the quota, and how many of them the journal already holds. */
  quotaRefusals = 0;
  quotaRefusalsJournaled = 0;
  quotaPath = "";
  quotaRequested = 0;
  quotaBytes = 0;
  /** Writes the space guard refused, as for the quota. */
  spaceRefusals = 0;
  spaceRefusalsJournaled = 0;
  spacePath = "";
  spaceRequested = 0;
  spaceRefusal;
  space;
  /** Where the spare frame starts, and what the journal could not write so far. */
  spareOffset;
  lost;
  lastErrorCode = "EIO";
  /** The begin record while it could not be written (the spool was full when the journal opened). */
  unwrittenBegin;
  closed = false;
  broken = false;
  timer;
  sweepIntervalMs;
  minSweepIntervalMs;
  compactSlackBytes;
  onExit = () => this.close();
  /** Who the journal is given to when this process is root in another user's run (see open). */
  spoolOwner;
  batching;
  batch = new JournalBatch();
  flushQueued = false;
  /** A change was written since the last announcement. */
  announcesChanges = false;
  announceFd;
  announcement;
  /** The journal was rewritten under its name: readers must read it again from its start (announcements.ts). */
  compactedUnannounced = false;
  constructor(o) {
    this.engine = o.engine;
    this.space = o.space;
    const { threadId } = currentThread();
    this.file = path.join(o.spoolDir, journalFileName(process.pid, threadId));
    this.spoolOwner = spoolOwnerIfRoot(o.spoolDir);
    this.batching = o.batch ?? true;
    this.announcement = announcementOf(this.file);
    this.fd = this.open(this.file, "a");
    this.minSweepIntervalMs = this.sweepIntervalMs = o.sweepIntervalMs ?? defaultSweepIntervalMs;
    this.compactSlackBytes = o.compactSlackBytes ?? 16 * 1024 * 1024;
    const wallNs = BigInt(Date.now()) * 1000000n;
    this.appendWithSpare({
      k: "begin",
      version: journalVersion,
      pid: process.pid,
      ppid: process.ppid,
      threadId,
      argv: process.argv.slice(),
      execArgv: process.execArgv.slice(),
      cwd: process.cwd(),
      wallNs: String(wallNs),
      monoNs: String(process.hrtime.bigint())
    });
    process.on("exit", this.onExit);
    onTestEnded((test) => this.recordOutcome(test));
    this.scheduleSweep();
  }
  onChange(change) {
    if (change.kind === "quota-exceeded") return this.recordQuotaRefusal(change);
    if (change.kind === "space-refused") return this.recordSpaceRefusal(change);
    if (this.broken) return;
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
    const written = this.append({
      k: "quota",
      t: now(),
      path: this.quotaPath,
      requestedBytes: this.quotaRequested,
      quotaBytes: this.quotaBytes,
      refused: this.quotaRefusals
    });
    if (written) this.quotaRefusalsJournaled = this.quotaRefusals;
  }
  /** As for the quota; the guard says which limit it was and where, once (it may measure the spool for that). */
  recordSpaceRefusal(change) {
    this.spaceRefusals++;
    if (this.spaceRefusals > 1) return;
    this.spacePath = change.path;
    this.spaceRequested = change.requestedBytes;
    try {
      this.spaceRefusal = this.space?.describeRefusal();
    } catch {
      this.spaceRefusal = void 0;
    }
    this.journalSpaceRefusals();
  }
  journalSpaceRefusals() {
    if (this.spaceRefusals === this.spaceRefusalsJournaled) return;
    const refusal = this.spaceRefusal ?? { bound: "disk", limitBytes: 0, reserveBytes: 0, where: path.dirname(path.dirname(this.file)) };
    const written = this.append({
      k: "spool",
      t: now(),
      path: this.spacePath,
      requestedBytes: this.spaceRequested,
      bound: refusal.bound,
      limitBytes: refusal.limitBytes,
      reserveBytes: refusal.reserveBytes,
      where: refusal.where,
      refused: this.spaceRefusals
    });
    if (written) this.spaceRefusalsJournaled = this.spaceRefusals;
  }
  /** Never throws: it runs in exit handlers, where an exception would change how the process ends. */
  flush() {
    if (this.broken) return;
    this.journalQuotaRefusals();
    this.journalSpaceRefusals();
    try {
      this.sweepOpenFiles();
      this.space?.settled();
    } catch (error) {
      this.recordNote(`could not save the files still open: ${error.message}`);
    }
    this.saveDeferredContent();
    for (const test of this.outcomeUnknown) this.recordOutcome(test);
    this.writeBatch();
  }
  /**
   * Marks the journal as ended cleanly (the first 'exit' listener calls it). Changes that come later are still
   * appended: the program's own 'exit' listeners run after the preload's, and what they write (a report, a log) must
   * not be lost.
   */
  close() {
    if (this.closed) return;
    this.flush();
    this.append({ k: "end", t: now() });
    this.writeBatch();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    process.off("exit", this.onExit);
    for (const fd of [this.fd, this.announceFd]) {
      try {
        if (fd !== void 0) originalFs.closeSync(fd);
      } catch {
      }
    }
    this.fd = this.announceFd = void 0;
  }
  /** When this journal's process last changed a path (its monotonic clock), as recorded; undefined if it never did. */
  lastChangeOf(changedPath) {
    return this.paths.get(changedPath)?.t;
  }
  record(change) {
    const time = process.hrtime.bigint();
    const test = currentTest();
    if (change.kind === "content") {
      const state = this.changed(change.path, time);
      if (this.closed) return this.recordContent(change.ino, change.path, time, change.unchangedPrefix, this.unsaved.delete(change.ino), void 0, test, state);
      return this.deferContent(change.ino, change.path, time, change.unchangedPrefix, test, state);
    }
    const t = String(time);
    this.saveDeferredContent();
    switch (change.kind) {
      case "unsaved":
        this.unsaved.add(change.ino);
        this.append({ k: "unsaved", t, path: change.path, ino: change.ino });
        return;
      case "mkdir": {
        const stat2 = this.engine.lstat(change.path);
        this.append(this.withTestFile(this.changed(change.path, time), { k: "mkdir", t, path: change.path, mode: stat2.mode, uid: stat2.uid, gid: stat2.gid }, void 0, test));
        return;
      }
      case "symlink": {
        const stat2 = this.engine.lstat(change.path);
        this.append(this.withTestFile(this.changed(change.path, time), { k: "symlink", t, path: change.path, target: change.target, uid: stat2.uid, gid: stat2.gid }, void 0, test));
        return;
      }
      case "link":
        this.append(this.withTestFile(this.changed(change.newPath, time), { k: "link", t, existingPath: change.existingPath, newPath: change.newPath }, void 0, test));
        return;
      case "remove":
        this.append(this.withTestFile(this.changed(change.path, time), { k: "remove", t, path: change.path }, void 0, test));
        return;
      case "rename":
        this.changed(change.from, time);
        this.append(this.withTestFile(this.changed(change.to, time), { k: "rename", t, from: change.from, to: change.to }, void 0, test));
        return;
      case "metadata": {
        const stat2 = this.engine.lstat(change.path);
        this.append(this.withTestFile(this.changed(change.path, time), {
          k: "metadata",
          t,
          path: change.path,
          mode: stat2.mode,
          uid: stat2.uid,
          gid: stat2.gid,
          atimeNs: String(stat2.atimeNs),
          mtimeNs: String(stat2.mtimeNs)
        }, void 0, test));
        return;
      }
    }
  }
  /** The path changed at `t` (the time lastChangeOf answers): its state, made at its first change. */
  changed(changedPath, t) {
    const state = this.paths.get(changedPath);
    if (state !== void 0) {
      state.t = t;
      return state;
    }
    const made = { t, named: false };
    this.paths.set(changedPath, made);
    return made;
  }
  /** The state of a path recorded without a change of its own (a sweep of open files): made without a time. */
  stateOf(recordedPath) {
    let state = this.paths.get(recordedPath);
    if (state === void 0) this.paths.set(recordedPath, state = { t: void 0, named: false });
    return state;
  }
  /**
   * A file's bytes are read when the turn ends (or before the next record of another kind, or a hand-over), not at
   * each close: no other process can see the file before then, so a file rewritten or appended a thousand times in
   * one turn costs one record of its last bytes. The record keeps the time of the last change.
   */
  deferContent(ino, filePath, t, unchangedPrefix, test, state) {
    const waiting2 = this.deferred.get(ino);
    const tf = state.named ? null : testFileOfCurrentRun() ?? null;
    if (waiting2 === void 0) {
      if (this.deferred.size >= maxDeferredFiles) this.saveDeferredContent();
      this.deferred.set(ino, { path: filePath, state, t, unchangedPrefix, tf, test });
    } else {
      if (waiting2.path !== filePath) waiting2.tf = tf;
      waiting2.test = test;
      waiting2.path = filePath;
      waiting2.state = state;
      waiting2.t = t;
      waiting2.unchangedPrefix = waiting2.unchangedPrefix === void 0 || unchangedPrefix === void 0 ? void 0 : Math.min(waiting2.unchangedPrefix, unchangedPrefix);
    }
    this.queueEndOfTurn();
  }
  /** A file whose bytes wait for the end of the turn is going away (removed, replaced): its bytes are read now. */
  beforeForget(ino) {
    const waiting2 = this.deferred.size === 0 ? void 0 : this.deferred.get(ino);
    if (waiting2 !== void 0 && !this.broken) {
      this.deferred.delete(ino);
      try {
        this.recordContent(ino, waiting2.path, waiting2.t, waiting2.unchangedPrefix, this.unsaved.delete(ino), waiting2.tf, waiting2.test, waiting2.state);
      } catch (error) {
        this.recordNote(`could not journal a content change: ${error.message}`);
      }
    }
    this.forgetInode(ino);
  }
  /**
   * The engine never gives an inode's number out again once it freed it: what the journal kept of it can go. A run
   * that makes and removes many files (an rm -r per test) would otherwise keep an entry per file for good, which
   * every garbage collection of the process marks again.
   */
  forgetInode(ino) {
    this.latest.delete(ino);
    if (this.journaledContent.size !== 0) this.forgetJournaledContent(ino);
    if (this.unsaved.size !== 0) this.unsaved.delete(ino);
  }
  /** Records the content of the files closed since the last record, in the order they were first closed. */
  saveDeferredContent() {
    if (this.deferred.size === 0 || this.savingDeferred) return;
    this.savingDeferred = true;
    try {
      for (const [ino, waiting2] of this.deferred) {
        this.deferred.delete(ino);
        try {
          this.recordContent(ino, waiting2.path, waiting2.t, waiting2.unchangedPrefix, this.unsaved.delete(ino), waiting2.tf, waiting2.test, waiting2.state);
        } catch (error) {
          this.recordNote(`could not journal a content change: ${error.message}`);
        }
      }
    } finally {
      this.savingDeferred = false;
    }
  }
  /** `owed`: an `unsaved` record of this inode waits for a content record, which must come even for the same bytes. */
  /** `testFile`: the test file the stack showed when the change was made (read then, for a path new to this journal). */
  recordContent(ino, filePath, t, unchangedPrefix, owed = false, testFile, test, state) {
    const known = this.latest.get(ino);
    const journaledSize = known?.journaledSize;
    if (journaledSize !== void 0 && unchangedPrefix !== void 0 && this.engine.inspectInodeFrom) {
      const start = Math.min(unchangedPrefix, journaledSize);
      const info2 = this.engine.inspectInodeView ? this.engine.inspectInodeView(ino, start) : this.engine.inspectInodeFrom(ino, start);
      if (!info2 || !owed && unchanged(known, info2.stat)) return;
      const record2 = this.contentRecord(ino, filePath, t, info2.stat, testFile, test, state);
      record2.at = start;
      if (!this.append(record2, info2.content ?? noBytes)) return;
      this.forgetJournaledContent(ino);
      this.remember(ino, info2.stat, info2.stat.size);
      this.compactIfWasteful();
      return;
    }
    if (this.engine.inspectInodeView && this.engine.inspectInodeFrom) {
      const viewed = this.engine.inspectInodeView(ino, 0);
      if (!viewed || !owed && unchanged(known, viewed.stat)) return;
      const bytes = viewed.content ?? noBytes;
      if (!this.append(this.contentRecord(ino, filePath, t, viewed.stat, testFile, test, state), bytes)) return;
      this.remember(ino, viewed.stat, viewed.stat.size);
      this.compactIfWasteful();
      return;
    }
    const info = this.engine.inspectInode(ino);
    if (!info || !owed && unchanged(known, info.stat)) return;
    const { stat: stat2 } = info;
    const content = info.content ?? Buffer.alloc(0);
    const record = this.contentRecord(ino, filePath, t, stat2, testFile, test, state);
    const previous = this.journaledContent.get(ino);
    let written;
    if (previous && content.length >= previous.length && content.compare(previous, 0, previous.length, 0, previous.length) === 0) {
      record.at = previous.length;
      written = this.append(record, content.subarray(previous.length));
    } else {
      written = this.append(record, content);
    }
    if (!written) return;
    if (journaledSize !== void 0 && !this.engine.inspectInodeFrom) this.keepJournaledContent(ino, content);
    this.remember(ino, stat2, content.length);
    this.compactIfWasteful();
  }
  contentRecord(ino, filePath, t, stat2, testFile, test, state) {
    const record = {
      k: "content",
      t,
      path: filePath,
      ino,
      mode: stat2.mode,
      uid: stat2.uid,
      gid: stat2.gid,
      size: stat2.size,
      atimeNs: stat2.atimeNs,
      mtimeNs: stat2.mtimeNs
    };
    return this.withTestFile(state ?? this.stateOf(filePath), record, testFile, test);
  }
  forgetJournaledContent(ino) {
    const before2 = this.journaledContent.get(ino);
    if (!before2) return;
    this.journaledBytes -= before2.length;
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
  /** Looked up again, not taken from before the write: a batch that failed meanwhile may have forgotten the inode. */
  remember(ino, stat2, journaledSize) {
    const known = this.latest.get(ino);
    if (known === void 0) {
      this.liveBytes += stat2.size;
      this.latest.set(ino, { size: stat2.size, mtimeNs: stat2.mtimeNs, ctimeNs: stat2.ctimeNs, journaledSize });
      return;
    }
    this.liveBytes += stat2.size - known.size;
    known.size = stat2.size;
    known.mtimeNs = stat2.mtimeNs;
    known.ctimeNs = stat2.ctimeNs;
    known.journaledSize = journaledSize;
  }
  /**
   * Adds the test file to a path's first record in this journal (the stack is looked at once per path). `known`: what
   * the stack showed when the change was made (null: no test file), for a record written later. `test`: the test the
   * runner was running when the change was made, on every record (a number: it costs little).
   */
  withTestFile(state, record, known, test) {
    if (test !== void 0) record.ti = this.idOfTest(test);
    if (state.named) return record;
    state.named = true;
    const testFile = known === void 0 ? testFileOfCurrentRun() : known ?? void 0;
    if (testFile !== void 0) record.tf = testFile;
    return record;
  }
  /** A test's number in this journal: the first change it makes writes its name (TestRecord). */
  idOfTest(test) {
    let id = this.testIds.get(test);
    if (id !== void 0) return id;
    for (const earlier of this.outcomeUnknown) this.recordOutcome(earlier);
    id = this.testIds.size + 1;
    this.testIds.set(test, id);
    this.outcomeUnknown.add(test);
    this.append({ k: "test", t: now(), id, name: test.name.slice(0, maxTestNameLength) });
    return id;
  }
  /** Journals how a test of this journal ended, once the runner says. */
  recordOutcome(test) {
    if (!this.outcomeUnknown.has(test) || this.broken) return;
    let outcome;
    try {
      outcome = test.outcome();
    } catch {
      outcome = void 0;
    }
    if (outcome === void 0) return;
    this.outcomeUnknown.delete(test);
    this.append({ k: "test", t: now(), id: this.testIds.get(test), name: test.name.slice(0, maxTestNameLength), [outcome]: 1 });
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
        this.recordContent(entry.ino, entry.path, process.hrtime.bigint());
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
    this.append({ k: "note", t: now(), detail });
  }
  /**
   * The begin frame, with the spare one after it, in one write. When even that does not fit, it is tried again before
   * the next record: a journal must start with them for anything after to be read as its process's.
   */
  appendWithSpare(record) {
    const head = Buffer.concat(encodeFrame(record));
    if (!this.write([head, spareFrame()], [record])) {
      this.unwrittenBegin = record;
      return false;
    }
    this.unwrittenBegin = void 0;
    this.spareOffset = head.length;
    this.headerBytes += head.length + spareFrameBytes;
    if (this.lost) this.writeLost();
    return true;
  }
  /**
   * Queues a record for the end of this turn (see JournalBatch). false when it could not be written (the journal
   * counts it as lost); a queued record whose batch fails later is counted the same way.
   */
  append(record, data) {
    if (this.unwrittenBegin !== void 0 && !this.appendWithSpare(this.unwrittenBegin)) {
      this.lose(record, this.lastErrorCode);
      return false;
    }
    if (data !== void 0 && data.length >= directWriteBytes || !this.batching || this.closed) {
      if (!this.writeBatch()) {
        this.lose(record, this.lastErrorCode);
        return false;
      }
      const buffers = encodeFrame(record, data);
      this.headerBytes += buffers[0].length - (data !== void 0 && buffers.length === 1 ? data.length : 0);
      const written = this.write(buffers, [record]);
      if (written) this.announce();
      return written;
    }
    this.headerBytes += this.batch.add(record, data);
    if (this.batch.bytes >= directWriteBytes) this.writeBatch();
    else this.queueEndOfTurn();
    return true;
  }
  queueEndOfTurn() {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(this.endOfTurn);
  }
  /** Runs when the code that made the changes returns to the event loop (a microtask): one write for the turn. */
  endOfTurn = () => {
    this.flushQueued = false;
    this.writeBatch();
  };
  /**
   * Everything queued is in the spool when this returns: called before this process hands anything to another
   * process or thread (a child started, a message sent), which may look at the files at once. Never throws.
   */
  handOver() {
    if (this.batch.records.length !== 0 || this.deferred.size !== 0) this.writeBatch();
  }
  /**
   * Writes the queued frames in one system call, then tells the run (announce). When the filesystem refuses the batch
   * (full, a file size limit), its frames are tried one by one: what fits is kept, the rest counted lost, as when each
   * was written on its own. false when any was lost.
   */
  writeBatch() {
    if (this.deferred.size !== 0 && !this.broken) this.saveDeferredContent();
    if (this.batch.records.length === 0) return true;
    const { records, frames, ends } = this.batch.take();
    let whole = this.write([frames], records, false);
    if (!whole && !this.broken) {
      whole = true;
      for (let i = 0, start = 0; i < records.length; start = ends[i], i++) {
        if (!this.write([frames.subarray(start, ends[i])], [records[i]])) whole = false;
      }
    }
    this.announce();
    return whole;
  }
  /**
   * Tells the other processes of the run that this journal grew (announcements.ts): one line appended in one write
   * to a file they all read from where they stopped, so that "anything new?" costs them one read of nothing.
   */
  announce() {
    if (!this.announcesChanges) return;
    this.announcesChanges = false;
    try {
      this.announceFd ??= this.open(announcementsFile(path.dirname(this.file)), "a");
      writeAll(this.announceFd, [this.compactedUnannounced ? announcementOf(this.file, true) : this.announcement]);
      this.compactedUnannounced = false;
    } catch {
    }
  }
  /** `loseOnFailure` false: a refused write leaves the file as it was and counts nothing (the caller tries again). */
  write(buffers, records, loseOnFailure = true) {
    if (this.broken) return false;
    try {
      this.fd ??= this.open(this.file, "a");
    } catch {
      this.broken = true;
      return false;
    }
    try {
      const written = writeAll(this.fd, buffers);
      this.fileBytes += written;
      let content = false;
      for (const record of records) {
        if (record.k === "content") content = true;
        if (changeKinds.has(record.k)) this.announcesChanges = true;
      }
      if (content) this.space?.journaled(written);
      return true;
    } catch (error) {
      const code = error.code;
      this.lastErrorCode = typeof code === "string" ? code : "EIO";
      if (!loseOnFailure) {
        try {
          originalFs.ftruncateSync(this.fd, this.fileBytes);
        } catch {
        }
        return false;
      }
      for (const record of records) this.lose(record, this.lastErrorCode);
      return false;
    }
  }
  /** A record the filesystem refused: keep the journal readable, and say so where there is always room. */
  lose(record, code) {
    this.lastErrorCode = code;
    try {
      originalFs.ftruncateSync(this.fd, this.fileBytes);
    } catch {
    }
    if (record.k === "content") {
      this.forgetJournaledContent(record.ino);
      const known = this.latest.get(record.ino);
      if (known) this.liveBytes -= known.size;
      this.latest.delete(record.ino);
    }
    const isEnd = record.k === "end";
    if (!isEnd && !changeKinds.has(record.k)) return;
    const lost = this.lost ?? { k: "lost", lost: 0, code, kind: isEnd ? "end" : record.k, path: subjectOf(record) };
    if (isEnd) lost.unended = 1;
    else lost.lost++;
    this.lost = lost;
    this.writeLost();
  }
  /** The count of what was lost, over the spare frame: overwriting bytes the file holds needs no new space. */
  writeLost() {
    if (this.spareOffset === void 0 || this.lost === void 0) return;
    let fd;
    try {
      fd = originalFs.openSync(this.file, "r+");
      const frame = lostFrame({ ...this.lost, t: now() });
      originalFs.writeSync(fd, frame, 0, frame.length, this.spareOffset);
    } catch {
    } finally {
      if (fd !== void 0) originalFs.closeSync(fd);
    }
  }
  /**
   * The fold reads only journals of the spool's owner, and a root process (a test's child started with sudo) would
   * leave one it cannot even open: root gives its journal to the owner.
   */
  open(file, flags) {
    const fd = originalFs.openSync(file, flags, journalMode);
    if (this.spoolOwner) {
      try {
        originalFs.fchownSync(fd, this.spoolOwner.uid, this.spoolOwner.gid);
      } catch (error) {
        originalFs.closeSync(fd);
        throw error;
      }
    }
    return fd;
  }
  compactIfWasteful() {
    const kept = Math.max(this.liveBytes + this.headerBytes, this.compactedBytes);
    if (this.fileBytes + this.batch.bytes <= 2 * kept + this.compactSlackBytes) return;
    if (!this.writeBatch()) return;
    if (this.space && !this.space.admit(kept)) return;
    let compacted;
    try {
      compacted = compactJournal(this.file, (file) => this.open(file, "w"));
    } catch {
      this.space?.journaled(kept);
      return;
    }
    const { written, headerBytes, spareOffset } = compacted;
    this.space?.journaled(written);
    if (this.fd !== void 0) originalFs.closeSync(this.fd);
    this.fd = this.open(this.file, "a");
    this.fileBytes = this.compactedBytes = written;
    this.headerBytes = headerBytes;
    this.spareOffset = spareOffset;
    this.compactions++;
    this.compactedUnannounced = this.announcesChanges = true;
    this.announce();
  }
};
function spoolOwnerIfRoot(spoolDir) {
  if (process.getuid?.() !== 0) return void 0;
  const { uid, gid } = originalFs.statSync(spoolDir);
  return uid === 0 ? void 0 : { uid, gid };
}
var changeKinds = /* @__PURE__ */ new Set(["content", "mkdir", "symlink", "link", "remove", "rename", "metadata"]);
function subjectOf(record) {
  switch (record.k) {
    case "link":
      return record.newPath;
    case "rename":
      return record.to;
    case "content":
    case "mkdir":
    case "symlink":
    case "remove":
    case "metadata":
      return record.path;
    default:
      return "";
  }
}
var spare;
function spareFrame() {
  return spare ??= paddedFrame(JSON.stringify({ k: "spare", t: "0" }));
}
function lostFrame(record) {
  let json = JSON.stringify(record);
  const room = spareFrameBytes - 8;
  for (let keep = record.path.length; Buffer.byteLength(json) > room && keep > 0; ) {
    keep = Math.max(0, keep - (Buffer.byteLength(json) - room) - 1);
    json = JSON.stringify({ ...record, path: `\u2026${record.path.slice(record.path.length - keep)}` });
  }
  return paddedFrame(json);
}
function paddedFrame(json) {
  const frame = Buffer.alloc(spareFrameBytes, 32);
  const headerLength = frame.write(json, 8, "utf8");
  frame.writeUInt32LE(headerLength, 0);
  frame.writeUInt32LE(spareFrameBytes - 8 - headerLength, 4);
  return frame;
}
function unchanged(known, stat2) {
  return known !== void 0 && known.size === stat2.size && known.mtimeNs === stat2.mtimeNs && known.ctimeNs === stat2.ctimeNs;
}
function now() {
  return String(process.hrtime.bigint());
}
var maxWriteBytes = 1024 ** 3;
function writeAll(fd, buffers) {
  const total = buffers.reduce((sum, b) => sum + b.length, 0);
  if (total <= maxWriteBytes) {
    const written = buffers.length === 1 ? originalFs.writeSync(fd, buffers[0], 0, total) : originalFs.writevSync(fd, buffers);
    if (written === total) return total;
    let skipped = written;
    for (const buffer of buffers) {
      if (skipped >= buffer.length) skipped -= buffer.length;
      else {
        writeWhole(fd, buffer.subarray(skipped));
        skipped = 0;
      }
    }
    return total;
  }
  for (const buffer of buffers) writeWhole(fd, buffer);
  return total;
}
function writeWhole(fd, buffer) {
  for (let done = 0; done < buffer.length; ) {
    done += originalFs.writeSync(fd, buffer, done, Math.min(maxWriteBytes, buffer.length - done));
  }
}
function compactJournal(file, create) {
  const readFd = originalFs.openSync(file, "r");
  const temporary = `${file}.compact`;
  try {
    const { changes: changes2 } = readJournalFile(file, readFd, originalFs.fstatSync(readFd).size);
    const lastOfIno = /* @__PURE__ */ new Map();
    for (const change of changes2) if (change.record.k === "content") lastOfIno.set(change.record.ino, change.seq);
    const superseded = /* @__PURE__ */ new Set();
    let previous;
    for (const change of changes2) {
      const r = change.record;
      if (r.k !== "content") previous = void 0;
      else {
        if (previous && previous.ino === r.ino && previous.path === r.path) superseded.add(previous.seq);
        previous = { seq: change.seq, ino: r.ino, path: r.path };
      }
    }
    const bySeq = new Map(changes2.map((change) => [change.seq, change]));
    const fd = create(temporary);
    let written = 0;
    let headerBytes = 0;
    let spareOffset;
    try {
      const frames = readHeaders(readFd, changes2.length === 0 ? 0 : changes2[changes2.length - 1].seq + 1);
      for (let seq = 0; seq < frames.length; seq++) {
        const record = frames[seq];
        const change = bySeq.get(seq);
        if (record.k === "spare" || record.k === "lost") {
          const frame = record.k === "spare" ? spareFrame() : lostFrame(record);
          spareOffset = written;
          written += writeAll(fd, [frame]);
          headerBytes += frame.length;
          continue;
        }
        if (!change || change.record.k !== "content") {
          const head2 = encodeFrame(record);
          written += writeAll(fd, head2);
          headerBytes += head2[0].length;
          continue;
        }
        const { at: _at, sup: _sup, ...content } = change.record;
        if (lastOfIno.get(content.ino) === seq) {
          const bytes = change.content;
          const stored = bytes.storedEnd ?? bytes.size;
          const head2 = encodeFrameHead(content, stored);
          written += writeAll(fd, [head2]);
          headerBytes += head2.length;
          forEachChunk(bytes, (chunk) => written += writeAll(fd, [chunk]), stored);
          continue;
        }
        if (superseded.has(seq) && content.tf === void 0) continue;
        const head = encodeFrame({ ...content, sup: 1 });
        written += writeAll(fd, head);
        headerBytes += head[0].length;
      }
    } catch (error) {
      originalFs.closeSync(fd);
      try {
        originalFs.unlinkSync(temporary);
      } catch {
      }
      throw error;
    }
    originalFs.closeSync(fd);
    originalFs.renameSync(temporary, file);
    return { written, headerBytes, ...spareOffset !== void 0 ? { spareOffset } : {} };
  } finally {
    originalFs.closeSync(readFd);
  }
}
function readHeaders(fd, atLeast) {
  const records = [];
  scanFrames(fd, originalFs.fstatSync(fd).size, (frame) => {
    const record = frame.header;
    if (records.length >= atLeast && (typeof record !== "object" || record === null || typeof record.k !== "string")) return false;
    records.push(record);
  });
  return records;
}

// src/changes/fold-model.ts
var import_node_fs13 = __toESM(require("node:fs"), 1);
var S_IFMT5 = import_node_fs13.default.constants.S_IFMT;
function kindOfMode(mode) {
  switch (mode & S_IFMT5) {
    case import_node_fs13.default.constants.S_IFREG:
      return "file";
    case import_node_fs13.default.constants.S_IFDIR:
      return "directory";
    case import_node_fs13.default.constants.S_IFLNK:
      return "symlink";
    default:
      return "other";
  }
}
var lstatSync5 = import_node_fs13.lstatSync;
var lstatMemo = /* @__PURE__ */ new Map();
var memoOwner;
function forgetDiskAnswers(owner) {
  lstatMemo.clear();
  memoOwner = owner;
}
function diskLstat(target) {
  if (memoOwner === void 0) return lstatIfAny(target);
  if (lstatMemo.has(target)) return lstatMemo.get(target);
  const stat2 = lstatIfAny(target);
  lstatMemo.set(target, stat2);
  return stat2;
}
function lstatIfAny(target) {
  try {
    return lstatSync5(onDisk(target), { bigint: true, throwIfNoEntry: false });
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
function join2(dir, name2) {
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
    const visit = (current2) => {
      if (this.entryMap.has(current2)) found.push(current2);
      const names = this.below.get(current2);
      if (names !== void 0) for (const name2 of names) visit(join2(current2, name2));
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
        names = readNames(root);
      } catch {
      }
      for (const name2 of names) {
        const child = join2(root, name2);
        if (!this.entryMap.has(child) && !this.hidden.has(child)) {
          const childNode = nodeFromDisk(child);
          if (childNode) this.set(child, childNode);
        }
      }
      node.opaque = true;
    }
    for (const name2 of [...this.below.get(root) ?? []]) this.materializeTree(join2(root, name2));
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
  const stat2 = diskLstat(target);
  if (!stat2) return void 0;
  const mode = Number(stat2.mode);
  const type = kindOfMode(mode);
  const node = {
    type,
    mode,
    uid: Number(stat2.uid),
    gid: Number(stat2.gid),
    size: Number(stat2.size),
    mtimeNs: stat2.mtimeNs,
    atimeNs: stat2.atimeNs,
    ctimeNs: stat2.ctimeNs,
    diskIno: Number(stat2.ino),
    diskDev: Number(stat2.dev),
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

// src/changes/run-layer.ts
function createRunLayer(spoolDir, disk, o = {}) {
  const journals = new RunJournals(spoolDir, o);
  return new RunLayer(journals.start(), disk, journals);
}
var RunJournals = class {
  constructor(spoolDir, o) {
    this.spoolDir = spoolDir;
    this.o = o;
    this.announcements = new AnnouncementReader(spoolDir);
  }
  spoolDir;
  o;
  beforeChange;
  announcements;
  readers = /* @__PURE__ */ new Map();
  changes = [];
  latest = -1n;
  /** The model of everything the journals hold now. */
  start() {
    this.announcements.skipToEnd();
    for (const file of journalFiles(this.spoolDir)) this.readMore(path.basename(file));
    this.changes.sort(byTime);
    return this.build();
  }
  update() {
    const names = this.announcements.poll();
    if (names.length === 0) return void 0;
    const own = this.ownName();
    const fresh = [];
    let news = false;
    for (const announced of names) {
      const compacted = announced.startsWith(compactedMark);
      const name2 = compacted ? announced.slice(compactedMark.length) : announced;
      if (compacted) {
        this.forgetJournal(name2);
        this.rebuildPending = true;
      }
      if (name2 === own) continue;
      news = true;
      for (const change of this.readMore(name2)) fresh.push(change);
    }
    if (!news || fresh.length === 0 && !this.rebuildPending) return void 0;
    if (own !== void 0) for (const change of this.readMore(own)) fresh.push(change);
    fresh.sort(byTime);
    const changed = fresh.map(changedPaths).flat();
    this.beforeChange?.(changed.map((c2) => c2.path));
    const first = fresh[0];
    if (!this.rebuildPending && first !== void 0) {
      const later = first.time >= this.latest ? 0 : this.changes.length - firstAtOrAfter(this.changes, first.time);
      if (later === 0 || this.apart(fresh, this.changes.slice(-later))) {
        const owner = {};
        forgetDiskAnswers(owner);
        try {
          for (const change of fresh) applyChange(this.model, change, wallTime(change));
        } finally {
          endDiskAnswers(owner);
        }
        this.keepInOrder(fresh, later);
        return { rebuilt: false, changed, model: this.model };
      }
    }
    for (const change of fresh) this.changes.push(change);
    this.changes.sort(byTime);
    this.rebuildPending = false;
    return { rebuilt: true, changed, model: this.build() };
  }
  /**
   * Whether a late batch touches nothing the changes applied after its start touch: no path of one is the path of
   * the other or lies under it. Changes to paths apart commute (each acts on its own subtree only; the model keeps no
   * folder's times), so the model is what the fold's order would give without building it again. Several processes
   * writing at once each send batches that begin before the others' last: in their own folders these stay cheap.
   */
  apart(late, applied) {
    if (this.linked) return false;
    const appliedPaths = /* @__PURE__ */ new Set();
    const aboveApplied = /* @__PURE__ */ new Set();
    for (const { path: touched } of applied.flatMap(changedPaths)) {
      appliedPaths.add(touched);
      for (let dir = parentOf2(touched); !aboveApplied.has(dir); dir = parentOf2(dir)) {
        aboveApplied.add(dir);
        if (dir === "/") break;
      }
    }
    for (const { path: touched } of late.flatMap(changedPaths)) {
      if (appliedPaths.has(touched) || aboveApplied.has(touched)) return false;
      for (let dir = touched; dir !== "/"; ) {
        dir = parentOf2(dir);
        if (appliedPaths.has(dir)) return false;
      }
    }
    return true;
  }
  /** The changes read so far stay in the clock's order: a batch that came late goes in where its times put it. */
  keepInOrder(fresh, later) {
    const tail = this.changes.splice(this.changes.length - later, later);
    let i = 0;
    let j = 0;
    while (i < fresh.length || j < tail.length) {
      if (j < tail.length && (i === fresh.length || byTime(tail[j], fresh[i]) <= 0)) this.changes.push(tail[j++]);
      else this.changes.push(fresh[i++]);
    }
    const last = this.changes[this.changes.length - 1];
    if (last !== void 0 && last.time > this.latest) this.latest = last.time;
  }
  /** A journal rewritten by compaction: what was read of it goes, and it is read again from its start. */
  forgetJournal(name2) {
    this.readers.get(name2)?.close();
    this.readers.delete(name2);
    const file = path.join(this.spoolDir, name2);
    this.changes = this.changes.filter((change) => change.journal.file !== file);
  }
  rebuildPending = false;
  /** A hard link was read among the run's changes (see apart). */
  linked = false;
  ownName() {
    const own = this.o.ownJournal?.();
    return own === void 0 ? void 0 : path.basename(own);
  }
  model;
  build() {
    const model = new FoldModel();
    const owner = {};
    forgetDiskAnswers(owner);
    try {
      for (const change of this.changes) applyChange(model, change, wallTime(change));
    } finally {
      endDiskAnswers(owner);
    }
    const last = this.changes[this.changes.length - 1];
    this.latest = last === void 0 ? -1n : last.time;
    return this.model = model;
  }
  /** The changes of one journal completed since it was last read (opening it the first time: journal-trust.ts). */
  readMore(name2) {
    let reader = this.readers.get(name2);
    if (reader === void 0) {
      const opened = openRunJournal(path.join(this.spoolDir, name2), this.o.roots);
      if (opened === void 0) return [];
      this.readers.set(name2, reader = opened);
    }
    let size;
    try {
      size = originalFs.fstatSync(reader.fd).size;
    } catch {
      return [];
    }
    const changes2 = reader.readTo(size);
    if (this.model === void 0) for (const change of changes2) this.changes.push(change);
    if (!this.linked && changes2.some(isLink)) this.linked = true;
    return changes2;
  }
};
function firstAtOrAfter(changes2, time) {
  let low = 0;
  let high = changes2.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (changes2[middle].time < time) low = middle + 1;
    else high = middle;
  }
  return low;
}
function isLink(change) {
  return change.record.k === "link";
}
function byTime(a, b) {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : 0;
}
function changedPaths(change) {
  const record = change.record;
  const time = change.time;
  switch (record.k) {
    case "rename":
      return [{ path: record.from, time, shallow: false }, { path: record.to, time, shallow: false }];
    case "link":
      return [{ path: record.existingPath, time, shallow: true }, { path: record.newPath, time, shallow: false }];
    case "mkdir":
    case "metadata":
      return [{ path: record.path, time, shallow: true }];
    default:
      return [{ path: record.path, time, shallow: false }];
  }
}
var S_IFMT6 = 61440;
var S_IFDIR5 = 16384;
var S_IFREG4 = 32768;
var S_IFLNK3 = 40960;
var UV_DIRENT_FILE2 = 1;
var UV_DIRENT_DIR2 = 2;
var UV_DIRENT_LINK2 = 3;
var firstRunIno = 2 ** 41;
var blockSize = 4096;
var diskFoldersMax = 4096;
var RunLayer = class {
  constructor(model, disk, journals) {
    this.model = model;
    this.disk = disk;
    this.journals = journals;
  }
  model;
  disk;
  journals;
  nextIno = firstRunIno;
  inos = /* @__PURE__ */ new WeakMap();
  devices = /* @__PURE__ */ new WeakMap();
  /** Open content of the run's files, by the (negative) handles given to the engine. */
  handles = /* @__PURE__ */ new Map();
  nextHandle = -1;
  /** The model's answer; none while the run changed nothing (a process then pays nothing per path). */
  find(path2) {
    return this.model.size === 0 ? void 0 : this.model.lookup(path2);
  }
  /**
   * Folders where the model leaves every path below to the disk (find answers undefined for their children), and
   * those where it does not; dropped whenever the model changes (refresh). Bounded, as the engine's own memos are.
   */
  diskFolders = /* @__PURE__ */ new Map();
  /**
   * Whether this layer answers at `path` exactly as the disk does: `find` says undefined there, so every question
   * about it goes to the disk. The last name is looked up as it is, the folder above once per model (memo), so that
   * an untouched stat costs node/ a few Map lookups and one native call. Coherence (preload/coherence.ts) refreshes
   * the model before any operation asks this: a memo never outlives the model it was read from.
   */
  answersAsDiskAt(path2) {
    if (this.disk.answersAsDisk !== true) return false;
    const model = this.model;
    if (model.size === 0) return true;
    if (model.entries.has(path2) || model.hidden.has(path2)) return false;
    if (path2 === "/") return true;
    const slash = path2.lastIndexOf("/");
    return this.leavesChildrenToDisk(slash <= 0 ? "/" : path2.slice(0, slash));
  }
  /** No change of another process read yet (the model is empty): every path is the disk's. */
  answersAsDiskEverywhere() {
    return this.disk.answersAsDisk === true && this.model.size === 0;
  }
  /** Whether the model leaves the children of `dir` to the disk: what FoldModel.lookup decides by their ancestors. */
  leavesChildrenToDisk(dir) {
    let answer = this.diskFolders.get(dir);
    if (answer !== void 0) return answer;
    const entry = this.model.entries.get(dir);
    if (entry !== void 0) answer = entry.type === "directory" && !entry.opaque;
    else if (this.model.hidden.has(dir)) answer = false;
    else if (dir === "/") answer = true;
    else answer = this.leavesChildrenToDisk(parentOf2(dir));
    if (this.diskFolders.size >= diskFoldersMax) this.diskFolders.clear();
    this.diskFolders.set(dir, answer);
    return answer;
  }
  set beforeChange(hook) {
    this.journals.beforeChange = hook;
  }
  refresh() {
    let update;
    try {
      update = this.journals.update();
    } catch (error) {
      this.diskFolders.clear();
      throw error;
    }
    if (update === void 0) return void 0;
    this.diskFolders.clear();
    if (update.rebuilt) this.model = update.model;
    return update;
  }
  lstat(path2) {
    const node = this.find(path2);
    if (node === void 0) return this.disk.lstat(path2);
    if (node === null) throw uvError("ENOENT", "lstat", path2);
    return this.statOf(node, path2);
  }
  tryLstat(path2) {
    const node = this.find(path2);
    if (node === void 0) {
      if (this.disk.tryLstat) return this.disk.tryLstat(path2);
      try {
        return this.disk.lstat(path2);
      } catch (error) {
        const code = error.code;
        if (code === "ENOENT" || code === "ENOTDIR") return void 0;
        throw error;
      }
    }
    return node === null ? void 0 : this.statOf(node, path2);
  }
  /**
   * The engine asks this to learn that a folder has no symlink on its path (then it reads below it directly): the
   * path itself when every component is a folder in the run's view, else what the disk resolves or an error.
   */
  realpath(path2) {
    let touched = false;
    for (let end = path2.indexOf("/", 1); ; end = path2.indexOf("/", end + 1)) {
      const prefix = end === -1 ? path2 : path2.slice(0, end);
      const node = this.find(prefix);
      if (node === null) throw uvError("ENOENT", "realpath", path2);
      if (node !== void 0) {
        if (node.type !== "directory") throw uvError("ENOTDIR", "realpath", path2);
        touched = true;
      } else if (touched) {
        const stat2 = this.tryLstat(prefix);
        if (stat2 === void 0 || (stat2.mode & S_IFMT6) !== S_IFDIR5) throw uvError("ENOENT", "realpath", path2);
      }
      if (end === -1) break;
    }
    return touched ? path2 : this.disk.realpath(path2);
  }
  readFileNoFollow(path2) {
    const node = this.find(path2);
    if (node === void 0) return this.disk.readFileNoFollow(path2);
    if (node === null) throw uvError("ENOENT", "open", path2);
    if (node.type === "directory") return "directory";
    if (node.type === "symlink") return "symlink";
    return "linked";
  }
  readdir(path2) {
    const node = this.find(path2);
    if (node === null) throw uvError("ENOENT", "scandir", path2);
    if (node !== void 0 && node.type !== "directory") throw uvError("ENOTDIR", "scandir", path2);
    const opaque = node !== void 0 && node.opaque;
    const hidden = this.model.hiddenIn(path2);
    const made = this.model.namesBelow(path2);
    if (!opaque && hidden === void 0 && made === void 0) return this.disk.readdir(path2);
    const listing = [];
    const listed = /* @__PURE__ */ new Set();
    if (!opaque) {
      for (const entry of this.diskListing(path2, node === void 0)) {
        const child = this.model.entries.get(joinPath2(path2, entry.name));
        if (child !== void 0) listing.push({ name: entry.name, type: direntType2(child) });
        else if (hidden?.has(entry.name)) continue;
        else listing.push(entry);
        listed.add(entry.name);
      }
    }
    if (made !== void 0) {
      for (const name2 of made) {
        if (listed.has(name2)) continue;
        const child = this.model.entries.get(joinPath2(path2, name2));
        if (child !== void 0) listing.push({ name: name2, type: direntType2(child) });
      }
    }
    return listing;
  }
  /**
   * The disk's entries of a folder the model does not hide. A folder that only this process's own overlay has (its
   * own journal is not in the model) may hold what another process wrote into it: the disk has none of it then.
   */
  diskListing(path2, mayBeOnlyAbove) {
    if (!mayBeOnlyAbove) return this.disk.readdir(path2);
    try {
      return this.disk.readdir(path2);
    } catch (error) {
      if (error.code === "ENOENT") return [];
      throw error;
    }
  }
  readlink(path2) {
    const node = this.find(path2);
    if (node === void 0) return this.disk.readlink(path2);
    if (node === null) throw uvError("ENOENT", "readlink", path2);
    if (node.type !== "symlink") throw uvError("EINVAL", "readlink", path2);
    return node.target;
  }
  openForRead(path2) {
    const node = this.find(path2);
    if (node === void 0) return this.disk.openForRead(path2);
    if (node === null) throw uvError("ENOENT", "open", path2);
    if (node.content === void 0) return this.disk.openForRead(node.lowerPath ?? path2);
    const handle = this.nextHandle--;
    this.handles.set(handle, node.content);
    return handle;
  }
  read(fd, buffer, offset, length, position) {
    const content = this.handles.get(fd);
    if (content === void 0) return this.disk.read(fd, buffer, offset, length, position);
    return content.readInto(buffer, offset, length, position);
  }
  close(fd) {
    if (!this.handles.delete(fd)) this.disk.close(fd);
  }
  readFile(path2) {
    const node = this.find(path2);
    if (node === void 0) return this.disk.readFile(path2);
    if (node === null) throw uvError("ENOENT", "open", path2);
    if (node.type === "directory") throw uvError("EISDIR", "read");
    if (node.content === void 0) return this.disk.readFile(node.lowerPath ?? path2);
    return readWholeContent(node.content);
  }
  statOf(node, path2) {
    const type = node.mode & S_IFMT6;
    const size = type === S_IFDIR5 ? blockSize : node.size;
    const mtimeNs = node.mtimeNs ?? 0n;
    return {
      dev: node.diskDev ?? this.deviceOf(node, path2),
      ino: node.diskIno ?? this.inoOf(node),
      mode: node.mode,
      nlink: type === S_IFDIR5 ? this.directoryLinks(node, path2) : Math.max(1, node.links),
      uid: node.uid,
      gid: node.gid,
      rdev: 0,
      size,
      blksize: blockSize,
      // As ext4 allocates: whole 4 KiB blocks, counted in 512-byte units; a short symlink lives in its inode.
      blocks: type === S_IFLNK3 && size < 60 ? 0 : Math.ceil(size / blockSize) * (blockSize / 512),
      atimeNs: node.atimeNs ?? mtimeNs,
      mtimeNs,
      ctimeNs: node.ctimeNs ?? mtimeNs,
      birthtimeNs: node.ctimeNs ?? mtimeNs
    };
  }
  inoOf(node) {
    let ino = this.inos.get(node);
    if (ino === void 0) this.inos.set(node, ino = this.nextIno++);
    return ino;
  }
  /** What the run made lies on the device of the nearest folder the disk has, as the engine's own new files do. */
  deviceOf(node, path2) {
    let dev = this.devices.get(node);
    if (dev !== void 0) return dev;
    for (let dir = parentOf2(path2); ; dir = parentOf2(dir)) {
      const ancestor = this.find(dir);
      if (ancestor?.diskDev !== void 0) {
        dev = ancestor.diskDev;
        break;
      }
      const stat2 = ancestor === void 0 ? this.disk.tryLstat?.(dir) : void 0;
      if (stat2 !== void 0) {
        dev = stat2.dev;
        break;
      }
      if (dir === "/") {
        dev = this.disk.lstat("/").dev;
        break;
      }
    }
    this.devices.set(node, dev);
    return dev;
  }
  /** A folder's link count: 2, plus one for each subfolder (the ones the run made; the disk's for the rest). */
  directoryLinks(node, path2) {
    let links = 2;
    if (!node.opaque) {
      const disk = this.disk.tryLstat?.(path2);
      if (disk !== void 0 && (disk.mode & S_IFMT6) === S_IFDIR5) links = disk.nlink;
    }
    const made = this.model.namesBelow(path2);
    if (made !== void 0 && node.opaque) {
      for (const name2 of made) if (this.model.entries.get(joinPath2(path2, name2))?.type === "directory") links++;
    }
    return links;
  }
};
function direntType2(node) {
  const type = node.mode & S_IFMT6;
  return type === S_IFDIR5 ? UV_DIRENT_DIR2 : type === S_IFLNK3 ? UV_DIRENT_LINK2 : type === S_IFREG4 ? UV_DIRENT_FILE2 : 0;
}
function parentOf2(target) {
  const slash = target.lastIndexOf("/");
  return slash <= 0 ? "/" : target.slice(0, slash);
}
function joinPath2(dir, name2) {
  return dir === "/" ? "/" + name2 : dir + "/" + name2;
}

// src/preload/config.ts
var import_node_fs14 = require("node:fs");
var import_node_path2 = require("node:path");

// src/platform/without-trailing-slashes.ts
function withoutTrailingSlashes(text2) {
  let end = text2.length;
  while (end > 1 && text2.charCodeAt(end - 1) === 47) end--;
  return end === text2.length ? text2 : text2.slice(0, end);
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
  // module.enableCompileCache()'s default folder (Node >= 22.1)
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
  // which the kernel resolves only to a directory (ENOTDIR otherwise) -- no Stats to build at every start.
  realDirectory: (p2) => import_node_fs14.realpathSync.native(p2.endsWith("/") ? p2 : `${p2}/`),
  // node_modules/.bin/vitest, or node_modules/vitest/vitest.mjs as pnpm and `node ...` start it.
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
    for (const root of roots) for (const p2 of DEFAULT_PASS_THROUGH) patterns.add(p2, root);
    for (const p2 of DEFAULT_TMP_PASS_THROUGH) patterns.add(p2, tmpdir2);
    if (spoolDir === void 0 && system.isVitestMain()) for (const p2 of VITEST_MAIN_TMP_PASS_THROUGH) patterns.add(p2, tmpdir2);
  }
  for (const entry of listOf(env[ENV.passThrough], ENV.passThrough)) {
    if (entry.includes("\0")) throw new ConfigError(ENV.passThrough, `${JSON.stringify(entry)} contains a NUL byte.`);
    if ((0, import_node_path2.isAbsolute)(entry)) patterns.add(entry, "/");
    else for (const root of roots) patterns.add(entry, root);
  }
  if (spoolDir !== void 0) patterns.add(escapeGlob(spoolDir), "/");
  const passThrough = patterns.globs();
  const quotaBytes = readSize(env, ENV.quota, DEFAULT_QUOTA_BYTES);
  return { disabled: false, config: { roots, passThrough, quotaBytes, spoolDir, spoolLimitBytes: readSize(env, ENV.spoolLimit, void 0) } };
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
      if (!(0, import_node_path2.isAbsolute)(root)) {
        throw new ConfigError(ENV.roots, `"${root}" is not an absolute path; every root must be absolute.`);
      }
      if (root === "/" || (0, import_node_path2.resolve)(root) === "/") {
        throw new ConfigError(ENV.roots, `"/" cannot be a root: Node itself and every tool would run from memory.`);
      }
      return withAlias(root, realDirectoryOf(system, ENV.roots, root, `"${root}"`));
    })
  );
}
function withAlias(given, real) {
  const literal = (0, import_node_path2.resolve)(given);
  return literal === real ? [real] : [real, literal];
}
function readSpool(env, system) {
  const spool = env[ENV.spool]?.trim();
  if (!spool) return void 0;
  if (!(0, import_node_path2.isAbsolute)(spool)) throw new ConfigError(ENV.spool, `"${spool}" is not an absolute path.`);
  return realDirectoryOf(system, ENV.spool, spool, `"${spool}"`);
}
function checkCodeCache(env) {
  const raw = env[ENV.codeCache]?.trim();
  if (!raw || OFF.includes(raw.toLowerCase()) || (0, import_node_path2.isAbsolute)(raw)) return;
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
function realDirectoryOf(system, variable, p2, what) {
  try {
    return system.realDirectory(p2);
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a directory" : `cannot be used (${code ?? error.message})`;
    throw new ConfigError(variable, `${what} ${why}.`);
  }
}
function encodeList(entries, separator2) {
  const plain = entries.every((entry) => !entry.includes(import_node_path2.delimiter) && !entry.includes("\n") && !entry.startsWith("["));
  return plain ? entries.join(separator2) : JSON.stringify(entries);
}
function listOf(raw, variable) {
  if (!raw) return [];
  if (raw.trimStart().startsWith("[")) return jsonList(raw, variable);
  return raw.split("\n").flatMap((line) => line.split(import_node_path2.delimiter)).map((entry) => entry.trim()).filter((entry) => entry !== "");
}
var PatternSet = class {
  anyDepth = /* @__PURE__ */ new Map();
  anchored = /* @__PURE__ */ new Map();
  add(pattern, base) {
    const bare = withoutTrailingSlashes(pattern);
    if ((0, import_node_path2.isAbsolute)(bare)) return this.put(this.anchored, "", bare);
    if (bare.includes("/")) this.put(this.anchored, escapeGlob(base), bare.startsWith("./") ? bare.slice(2) : bare);
    else this.put(this.anyDepth, escapeGlob(base), bare);
  }
  globs() {
    const out = [];
    for (const [base, names] of this.anyDepth) out.push(import_node_path2.posix.join(base, "**", alternatives(names)));
    for (const [base, rests] of this.anchored) {
      if (base === "") out.push(...rests);
      else out.push(import_node_path2.posix.join(base, alternatives(rests)));
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

// src/preload/lifecycle.ts
function flushOnEveryEnding(journal) {
  process.on("exit", () => journal.close());
  process.on("uncaughtExceptionMonitor", () => journal.flush());
}

// src/preload/working-directory.ts
var import_node_path3 = require("node:path");
var S_IFMT7 = 61440;
var S_IFDIR6 = 16384;
var X_OK2 = 1;
function installWorkingDirectory(engine, router) {
  const kernelChdir = process.chdir;
  const kernelCwd = process.cwd;
  let inMemory;
  const current2 = () => inMemory ?? kernelCwd.call(process);
  const chdir = function chdir2(directory) {
    if (typeof directory !== "string") return kernelChdir.call(process, directory);
    const target = (0, import_node_path3.resolve)(current2(), directory);
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
    const cwd = current2();
    try {
      const stat2 = engine.stat(target);
      if ((stat2.mode & S_IFMT7) !== S_IFDIR6) throw uvError("ENOTDIR", "chdir", cwd, asGiven);
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
    for (let candidate = (0, import_node_path3.dirname)(dir); ; candidate = (0, import_node_path3.dirname)(candidate)) {
      try {
        kernelChdir.call(process, candidate);
        return;
      } catch (error) {
        if (candidate === (0, import_node_path3.dirname)(candidate)) throw error;
      }
    }
  }
  process.chdir = chdir;
  process.cwd = function cwd() {
    return current2();
  };
}

// src/preload/umask.ts
var import_node_fs15 = require("node:fs");
var readFileSync3 = import_node_fs15.readFileSync;
function trackUmask() {
  const original = process.umask;
  let current2;
  const umask = function umask2(mask) {
    const result = Reflect.apply(original, this, arguments);
    if (mask !== void 0) current2 = void 0;
    return result;
  };
  Object.defineProperty(umask, "length", { value: original.length });
  process.umask = umask;
  return () => current2 ??= readUmask(original);
}
function readUmask(original) {
  try {
    const status = readFileSync3("/proc/self/status", "latin1");
    const match = /^Umask:\s*([0-7]+)$/m.exec(status);
    if (match) return parseInt(match[1], 8);
  } catch {
  }
  return original.call(process);
}

// src/preload/hand-on.ts
var import_node_module5 = require("node:module");

// src/preload/node-options.ts
function withPreload(preloadPath, existing) {
  const require2 = `--require ${quoteForNodeOptions(preloadPath)}`;
  const theirs = existing?.trim();
  return theirs ? `${require2} ${theirs}` : require2;
}
function quoteForNodeOptions(value) {
  return /[\s"\\]/.test(value) ? `"${value.replace(/["\\]/g, "\\$&")}"` : value;
}
function loadsPreload(nodeOptions, preloadPath) {
  return nodeOptions !== void 0 && nodeOptions.includes(preloadPath);
}

// src/preload/hand-on.ts
var noMoments = { before() {
}, after() {
}, started() {
} };
function missingFrom(inheritance2, lookup) {
  const missing = [];
  const nodeOptions = lookup("NODE_OPTIONS");
  if (!loadsPreload(nodeOptions, inheritance2.preloadPath)) missing.push(["NODE_OPTIONS", withPreload(inheritance2.preloadPath, nodeOptions)]);
  for (const [name2, value] of inheritance2.variables) if (lookup(name2) === void 0) missing.push([name2, value]);
  return missing;
}
function inheritedEnv(inheritance2, env) {
  const missing = missingFrom(inheritance2, (name2) => {
    const value = env[name2];
    return value === void 0 || value === null ? void 0 : String(value);
  });
  return missing.length === 0 ? env : { ...env, ...Object.fromEntries(missing) };
}
function inheritedEnvPairs(inheritance2, pairs) {
  const present = /* @__PURE__ */ new Map();
  for (const pair of pairs) {
    if (!pair.startsWith("NODE_OPTIONS=") && !pair.startsWith("MEMFS_")) continue;
    const equals = pair.indexOf("=");
    if (equals !== -1) present.set(pair.slice(0, equals), pair.slice(equals + 1));
  }
  const missing = missingFrom(inheritance2, (name2) => present.get(name2));
  if (missing.length === 0) return void 0;
  const replaced = new Set(missing.map(([name2]) => name2));
  const kept = pairs.filter((pair) => !replaced.has(pair.slice(0, pair.indexOf("="))));
  return [...kept, ...missing.map(([name2, value]) => `${name2}=${value}`)];
}
function handOnToChildProcesses(inheritance2, moments2 = noMoments) {
  const childProcess = loadBuiltin("node:child_process");
  const proto = childProcess.ChildProcess.prototype;
  const spawn = proto.spawn;
  proto.spawn = keepName(spawn, function(options) {
    const pairs = options?.envPairs;
    const inherited = Array.isArray(pairs) ? inheritedEnvPairs(inheritance2, pairs) : void 0;
    moments2.before();
    const result = Reflect.apply(spawn, this, [inherited ? { ...options, envPairs: inherited } : options]);
    moments2.started(this);
    return result;
  });
  const afterArgs = (args) => args[1] == null || Array.isArray(args[1]) ? 2 : typeof args[1] === "object" ? 1 : -1;
  for (const [name2, optionsAt] of [["spawnSync", afterArgs], ["execFileSync", afterArgs], ["execSync", () => 1]]) {
    const original = childProcess[name2];
    childProcess[name2] = keepName(original, function(...args) {
      const at = optionsAt(args);
      const options = args[at];
      if (at !== -1 && (options == null || typeof options === "object")) {
        const env = options?.env || process.env;
        const inherited = inheritedEnv(inheritance2, env);
        if (inherited !== env) {
          args = [...args];
          args[at] = { ...options, env: inherited };
        }
      }
      moments2.before();
      try {
        return Reflect.apply(original, this, args);
      } finally {
        moments2.after();
      }
    });
  }
  (0, import_node_module5.syncBuiltinESMExports)();
}
function handOnToWorkers(inheritance2, moments2 = noMoments) {
  const workerThreads = loadBuiltin("node:worker_threads");
  const { Worker } = workerThreads;
  workerThreads.Worker = new Proxy(Worker, {
    construct(target, args, newTarget) {
      const options = args[1];
      const env = options?.env;
      if (env !== null && typeof env === "object") {
        const inherited = inheritedEnv(inheritance2, env);
        if (inherited !== env) args = [args[0], { ...options, env: inherited }, ...args.slice(2)];
      }
      moments2.before();
      return Reflect.construct(target, args, newTarget);
    }
  });
  (0, import_node_module5.syncBuiltinESMExports)();
}
function keepName(original, wrapper) {
  Object.defineProperty(wrapper, "name", { value: original.name });
  Object.defineProperty(wrapper, "length", { value: original.length });
  return wrapper;
}

// src/preload/hand-over.ts
var before = () => {
};
var after = () => {
};
function setHandOver(o) {
  before = o.before;
  after = o.after;
}
function beforeHandOver() {
  try {
    before();
  } catch {
  }
}
function afterHandOver() {
  after();
}
function handingOver(fn) {
  const wrapper = function(...args) {
    beforeHandOver();
    return Reflect.apply(fn, this, args);
  };
  Object.defineProperty(wrapper, "name", { value: fn.name });
  Object.defineProperty(wrapper, "length", { value: fn.length });
  return wrapper;
}
function installProcessHandOvers() {
  if (typeof process.send === "function") process.send = handingOver(process.send);
  process.kill = handingOver(process.kill);
  for (const name2 of ["stdout", "stderr"]) {
    const descriptor = Object.getOwnPropertyDescriptor(process, name2);
    if (descriptor?.get === void 0 || descriptor.configurable !== true) continue;
    const get = descriptor.get;
    let wrapped = false;
    Object.defineProperty(process, name2, {
      ...descriptor,
      get: function() {
        const stream = Reflect.apply(get, this, []);
        if (!wrapped && stream !== void 0 && typeof stream.write === "function") {
          wrapped = true;
          stream.write = handingOver(stream.write);
        }
        return stream;
      }
    });
  }
}

// src/preload/reach.ts
var moments = {
  before: beforeHandOver,
  after: afterHandOver,
  started(child) {
    const withChannel = child;
    if (typeof withChannel.send === "function") withChannel.send = handingOver(withChannel.send);
  }
};
function installReach(inheritance2) {
  whenBuiltinReached(["child_process", "cluster"], () => patchChildProcess(inheritance2));
  whenBuiltinReached(["worker_threads"], () => patchWorker(inheritance2));
  whenBuiltinReached(["net", "http", "https", "http2", "tls", "child_process", "cluster"], patchSockets);
}
var socketsPatched = false;
function patchSockets() {
  if (socketsPatched) return;
  socketsPatched = true;
  const proto = loadBuiltin("node:net").Socket.prototype;
  if (typeof proto._writeGeneric === "function") proto._writeGeneric = handingOver(proto._writeGeneric);
}
function patchChildProcess(inheritance2) {
  handOnToChildProcesses(inheritance2, moments);
}
function patchWorker(inheritance2) {
  const port = loadBuiltin("node:worker_threads").MessagePort.prototype;
  port.postMessage = handingOver(port.postMessage);
  handOnToWorkers(inheritance2, moments);
}

// src/preload/test-runners.ts
var import_node_module6 = require("node:module");
function installTestRunners() {
  addTestSource(vitestTest);
  if (process.env.NODE_TEST_CONTEXT !== void 0 || mainScriptIsTest()) watchNodeTest();
  else whenBuiltinReached(["test"], watchNodeTest);
  if (/jest|mocha/.test(process.argv[1] ?? "")) watchModuleLoads();
}
function mainScriptIsTest() {
  const script = process.argv[1];
  return script !== void 0 && testFileScore(script) > 0;
}
var vitestTests = /* @__PURE__ */ new WeakMap();
var watchedStates = /* @__PURE__ */ new WeakSet();
function vitestTest() {
  const state = globalThis.__vitest_worker__;
  const task = state?.current;
  if (task === void 0 || task === null || task.type !== "test") return void 0;
  watchVitestEnds(state);
  let test = vitestTests.get(task);
  if (test === void 0) {
    const names = [String(task.name)];
    for (let suite = task.suite; suite && suite.filepath === void 0; suite = suite.suite) names.unshift(String(suite.name));
    test = {
      name: names.join(nameSeparator),
      outcome: () => task.result?.state === "fail" ? "failed" : task.result?.state === "pass" ? "passed" : void 0
    };
    vitestTests.set(task, test);
  }
  return test;
}
function watchVitestEnds(state) {
  if (watchedStates.has(state)) return;
  watchedStates.add(state);
  const own = Object.getOwnPropertyDescriptor(state, "current");
  if (!own || !own.configurable || !("value" in own) || !own.writable) return;
  let current2 = own.value;
  Object.defineProperty(state, "current", {
    configurable: true,
    enumerable: own.enumerable,
    get: () => current2,
    set(next) {
      const previous = current2;
      current2 = next;
      const ended = previous !== next && previous ? vitestTests.get(previous) : void 0;
      if (ended !== void 0) testEnded(ended);
    }
  });
}
function watchNodeTest() {
  const { AsyncResource, AsyncLocalStorage } = loadBuiltin("node:async_hooks");
  const base = AsyncResource.prototype;
  const runInAsyncScope = AsyncResource.prototype.runInAsyncScope;
  let storage;
  const tests = /* @__PURE__ */ new WeakMap();
  const entered = /* @__PURE__ */ new WeakSet();
  const patched2 = /* @__PURE__ */ new WeakSet();
  const enter = (resource) => {
    if (entered.has(resource) || !isNodeTest(resource)) return;
    entered.add(resource);
    const test = nodeTestOf(resource, tests);
    if (test === void 0) return;
    if (storage === void 0) {
      const made = storage = new AsyncLocalStorage();
      addTestSource(() => made.getStore());
    }
    const inTest = storage;
    let carrier;
    Reflect.apply(runInAsyncScope, resource, [() => inTest.run(test, () => carrier = new AsyncResource("MEMFS_TEST"))]);
    const key = inTest.kResourceStore;
    const slot = typeof key === "symbol" ? key : Object.getOwnPropertySymbols(carrier).find((symbol) => symbol.description === "context_frame");
    if (slot !== void 0) resource[slot] = carrier[slot];
  };
  const patchClass = (prototype) => {
    for (let owner = prototype; owner !== null && owner !== base; owner = Object.getPrototypeOf(owner)) {
      if (patched2.has(owner) || !Object.hasOwn(owner, "getRunArgs")) continue;
      patched2.add(owner);
      const getRunArgs = owner.getRunArgs;
      if (typeof getRunArgs !== "function") continue;
      Object.defineProperty(owner, "getRunArgs", {
        ...Object.getOwnPropertyDescriptor(owner, "getRunArgs"),
        value: {
          getRunArgs(...args) {
            const result = Reflect.apply(getRunArgs, this, args);
            try {
              enter(this);
            } catch {
            }
            return result;
          }
        }.getRunArgs
      });
    }
  };
  Object.defineProperty(base, "fn", {
    configurable: true,
    enumerable: false,
    get: () => void 0,
    set(value) {
      Object.defineProperty(this, "fn", { value, writable: true, enumerable: true, configurable: true });
      const prototype = Object.getPrototypeOf(this);
      if (prototype !== null && !patched2.has(prototype) && typeof prototype.getRunArgs === "function" && typeof prototype.createSubtest === "function") patchClass(prototype);
    }
  });
}
function isNodeTest(value) {
  return typeof value === "object" && value !== null && "subtests" in value && "passed" in value && "parent" in value && typeof value.name === "string";
}
function nodeTestOf(test, tests) {
  if (test.parent === null || test.constructor?.name === "TestHook") return void 0;
  let known = tests.get(test);
  if (known === void 0) {
    const names = [];
    for (let t = test; t !== null && t.parent !== null; t = t.parent) names.unshift(String(t.name));
    known = {
      name: names.join(nameSeparator),
      outcome: () => test.passed === true ? "passed" : test.error !== null && test.error !== void 0 ? "failed" : void 0
    };
    tests.set(test, known);
  }
  return known;
}
function watchModuleLoads() {
  const internals = import_node_module6.Module;
  const load = internals._load;
  const wrapped = {
    _load(request, ...rest) {
      const exports2 = Reflect.apply(load, this, [request, ...rest]);
      if (typeof request === "string") {
        const found = request.includes("jest-environment-") ? watchJestEnvironment(exports2) : request.includes("mocha") && watchMocha(exports2);
        if (found && internals._load === wrapped) internals._load = load;
      }
      return exports2;
    }
  }._load;
  for (const key of Reflect.ownKeys(load)) {
    if (key !== "length" && key !== "name" && key !== "prototype") {
      try {
        Object.defineProperty(wrapped, key, Object.getOwnPropertyDescriptor(load, key));
      } catch {
      }
    }
  }
  internals._load = wrapped;
}
var patched = /* @__PURE__ */ new WeakSet();
var jestRunning;
var jestTests = /* @__PURE__ */ new WeakMap();
function watchJestEnvironment(exports2) {
  const candidates = [exports2?.TestEnvironment, exports2?.default, exports2];
  const environment = candidates.find((c2) => typeof c2 === "function" && typeof c2.prototype?.getVmContext === "function");
  if (environment === void 0) return false;
  if (patched.has(environment.prototype)) return true;
  patched.add(environment.prototype);
  const prototype = environment.prototype;
  const own = prototype.handleTestEvent;
  Object.defineProperty(prototype, "handleTestEvent", {
    configurable: true,
    writable: true,
    value: function handleTestEvent(event, state) {
      jestEvent(event);
      return typeof own === "function" ? Reflect.apply(own, this, [event, state]) : void 0;
    }
  });
  if (!jestSourceAdded) {
    jestSourceAdded = true;
    addTestSource(() => jestRunning);
  }
  return true;
}
var jestSourceAdded = false;
var JestTest = class {
  constructor(name2) {
    this.name = name2;
  }
  name;
  done;
  outcome() {
    return this.done;
  }
};
function jestEvent(event) {
  const entry = event?.test;
  if (entry === void 0 || entry === null) return;
  if (event.name === "test_start") {
    const names = [String(entry.name)];
    for (let block = entry.parent; block?.parent; block = block.parent) names.unshift(String(block.name));
    const test = new JestTest(names.join(nameSeparator));
    jestTests.set(entry, test);
    jestRunning = test;
  } else if (event.name === "test_done") {
    const test = jestTests.get(entry);
    if (test === void 0) return;
    test.done = Array.isArray(entry.errors) && entry.errors.length > 0 ? "failed" : "passed";
    if (jestRunning === test) jestRunning = void 0;
    testEnded(test);
  }
}
var mochaRunning;
function watchMocha(exports2) {
  const runner = exports2?.Runner;
  const prototype = runner?.prototype;
  if (prototype === void 0 || typeof prototype.emit !== "function") return false;
  if (patched.has(prototype)) return true;
  patched.add(prototype);
  const emit = prototype.emit;
  const tests = /* @__PURE__ */ new WeakMap();
  const watched = function(event, ...args) {
    const entry = args[0];
    if ((event === "test" || event === "test end") && typeof entry === "object" && entry !== null) {
      let test = tests.get(entry);
      if (test === void 0) {
        const path2 = typeof entry.titlePath === "function" ? entry.titlePath() : [entry.title];
        test = {
          name: path2.map(String).join(nameSeparator),
          outcome: () => entry.state === "failed" ? "failed" : entry.state === "passed" ? "passed" : void 0
        };
        tests.set(entry, test);
      }
      if (event === "test") mochaRunning = test;
      else {
        if (mochaRunning === test) mochaRunning = void 0;
        testEnded(test);
      }
    }
    return Reflect.apply(emit, this, [event, ...args]);
  };
  Object.defineProperty(prototype, "emit", { value: watched, writable: true, configurable: true, enumerable: false });
  addTestSource(() => mochaRunning);
  return true;
}

// src/preload/coherence.ts
var opsPerCheck = 64;
function createCoherence(o) {
  let fresh = false;
  let budget = 0;
  const expire = () => {
    fresh = false;
  };
  const look = () => {
    let refreshed;
    try {
      refreshed = o.runLayer.refresh();
    } catch {
      o.modelChanged?.();
      return;
    }
    if (refreshed === void 0) return;
    o.engine.coverBelow(refreshed.changed.map((change) => change.path));
    o.engine.reveal(newerThanOwn(refreshed.changed, o.lastOwnChange));
  };
  return {
    refresh() {
      if (fresh && --budget > 0) return;
      if (!fresh) {
        fresh = true;
        queueMicrotask(expire);
      }
      budget = opsPerCheck;
      look();
    },
    stale() {
      fresh = false;
    }
  };
}
function newerThanOwn(changed, lastOwnChange) {
  return changed.filter((change) => {
    const own = lastOwnChange(change.path);
    return own === void 0 || own < change.time;
  });
}

// src/preload/index.ts
function lookingForOthersChanges(router, refresh) {
  return {
    owns(abs, spelt) {
      if (!router.owns(abs, spelt)) return false;
      refresh();
      return true;
    },
    ownsLink(abs, spelt) {
      if (!router.ownsLink(abs, spelt)) return false;
      refresh();
      return true;
    },
    forget: () => router.forget()
  };
}
var INSTALLED = /* @__PURE__ */ Symbol.for("memfs-action.preload.installed");
var JournalOnFirstChange = class {
  constructor(open2, reportUnsavedWrites) {
    this.open = open2;
    this.reportUnsavedWrites = reportUnsavedWrites;
  }
  open;
  reportUnsavedWrites;
  journal;
  /** Exit came before any change: a change made later (by an exit listener of the program) ends the journal at once. */
  ended = false;
  onChange(change) {
    const journal = this.opened();
    journal.onChange(change);
    if (this.ended) journal.close();
  }
  beforeForget(ino) {
    this.journal?.beforeForget?.(ino);
  }
  opened() {
    if (this.journal) return this.journal;
    return this.journal = this.open();
  }
  /** Never throws: it runs in exit handlers. */
  flush() {
    if (this.journal) return this.journal.flush();
    try {
      this.reportUnsavedWrites();
    } catch {
    }
  }
  close() {
    this.flush();
    this.journal?.close();
    this.ended = true;
  }
  handOver() {
    this.journal?.handOver();
  }
  lastChangeOf(path2) {
    return this.journal?.lastChangeOf(path2);
  }
  /** The journal's file, once this thread has one. */
  file() {
    return this.journal?.file;
  }
};
function compilePassThroughGlobs(globs) {
  const picomatch = require_picomatch2();
  return picomatch(globs, { dot: true });
}
var OtherUserError = class extends Error {
};
function checkSpoolAccess(spoolDir) {
  try {
    (0, import_node_fs16.accessSync)(spoolDir, import_node_fs16.constants.W_OK | import_node_fs16.constants.X_OK);
  } catch (error) {
    const uid = process.getuid?.();
    const owner = (0, import_node_fs16.statSync)(spoolDir).uid;
    if (uid === void 0 || owner === uid) throw error;
    throw new OtherUserError(
      `memfs-action: this process runs as user ${uid}, but the run's spool ${spoolDir} (MEMFS_SPOOL) is private to user ${owner}, who runs memfs-action: it holds what the tests wrote, and the report takes in that user's journals only. This process could neither see the files earlier processes of the run wrote nor record its own, so it stops before its program runs.
Start it as user ${owner} like the rest of the run (without the uid or gid given to spawn, su or setpriv), or run memfs-action itself as user ${uid}.
`
    );
  }
}
function inheritance(preloadPath) {
  const variables = [];
  for (const name2 of Object.values(ENV)) {
    const value = name2 === ENV.disable ? void 0 : process.env[name2];
    if (value !== void 0) variables.push([name2, value]);
  }
  return { preloadPath, variables };
}
function install(config) {
  const { spoolDir } = config;
  let journal;
  let spaceGuard;
  if (spoolDir !== void 0) {
    checkSpoolAccess(spoolDir);
    const space = new SpoolSpace({ spoolDir, capBytes: config.spoolLimitBytes });
    journal = new JournalOnFirstChange(() => openJournal({ spoolDir, engine, space }), () => engine.reportUnsavedWrites?.());
    flushOnEveryEnding(journal);
    const observer = journal;
    space.flushPending = () => observer.flush();
    spaceGuard = space;
  }
  const disk = createDiskLayer();
  const runLayer = spoolDir !== void 0 ? createRunLayer(spoolDir, disk, { roots: config.roots, ownJournal: () => journal?.file() }) : void 0;
  const lower = runLayer ?? disk;
  const engine = new Overlay({
    lower,
    quotaBytes: config.quotaBytes,
    umask: trackUmask(),
    ...journal && { observer: journal },
    ...spaceGuard && { spaceGuard }
  });
  const locate = createDiskLocator({ cwd: () => process.cwd() });
  let router = createPathRouter({ roots: config.roots, passThrough: config.passThrough, locate }, compilePassThroughGlobs);
  if (runLayer !== void 0) {
    runLayer.beforeChange = (paths) => engine.keepOwnBytes(paths);
    const coherence = createCoherence({
      runLayer,
      engine,
      lastOwnChange: (path2) => journal.lastChangeOf(path2),
      modelChanged: forgetLaneAnswers
    });
    router = lookingForOthersChanges(router, coherence.refresh);
    setLaneLook(coherence.refresh);
    setHandOver({ before: () => journal.handOver(), after: coherence.stale });
    installProcessHandOvers();
  }
  installFs(engine, router, { deferPromises: canHookModules(), untouchedLane: true });
  installModuleLoading(engine, router);
  installWorkingDirectory(engine, router);
  if (typeof memfsPreloadFile === "string") installReach(inheritance(memfsPreloadFile));
  if (journal !== void 0) installTestRunners();
  (0, import_node_module7.syncBuiltinESMExports)();
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
  if (!process.env[ENV.roots]) process.env[ENV.roots] = encodeList(result.config.roots, import_node_path4.delimiter);
  try {
    install(result.config);
  } catch (error) {
    if (error instanceof OtherUserError) {
      (0, import_node_fs16.writeSync)(2, error.message);
      process.exit(1);
    }
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    (0, import_node_fs16.writeSync)(2, `memfs-action: the preload could not start, so this process stops: ${detail}
Running on would let it write to the real disk. If the error names a folder of the run (its spool, a root), make it usable by this process; otherwise this is a fault of memfs-action: please report it to the memfs-action project with this message, your Node version (${process.version}) and OS.
`);
    process.exit(1);
  }
}
main();

})
