(function (exports, require, module, __filename, __dirname, memfsPreloadFile) {
"use strict";var __create=Object.create;var __defProp=Object.defineProperty;var __getOwnPropDesc=Object.getOwnPropertyDescriptor;var __getOwnPropNames=Object.getOwnPropertyNames;var __getProtoOf=Object.getPrototypeOf,__hasOwnProp=Object.prototype.hasOwnProperty;var __commonJS=(cb,mod)=>function(){try{return mod||(0,cb[__getOwnPropNames(cb)[0]])((mod={exports:{}}).exports,mod),mod.exports}catch(e){throw mod=0,e}};var __copyProps=(to,from,except,desc)=>{if(from&&typeof from=="object"||typeof from=="function")for(let key of __getOwnPropNames(from))!__hasOwnProp.call(to,key)&&
key!==except&&__defProp(to,key,{get:()=>from[key],enumerable:!(desc=__getOwnPropDesc(from,key))||desc.enumerable});return to};var __toESM=(mod,isNodeMode,target)=>(target=mod!=null?__create(__getProtoOf(mod)):{},__copyProps(isNodeMode||!mod||!mod.__esModule?__defProp(target,"default",{
value:mod,enumerable:!0}):target,mod));var require_constants=__commonJS({"node_modules/picomatch/lib/constants.js"(exports2,module2){"use strict";var WIN_NO_SLASH="[^\\\\/]",ONE_CHAR="(?=.)",QMARK="[\
^/]",END_ANCHOR="(?:\\/|$)",START_ANCHOR="(?:^|\\/)",DOTS_SLASH=`\\.{1,2}${END_ANCHOR}`,NO_DOT="(?!\\.)",NO_DOTS=`(?!${START_ANCHOR}${DOTS_SLASH})`,NO_DOT_SLASH=`\
(?!\\.{0,1}${END_ANCHOR})`,NO_DOTS_SLASH=`(?!${DOTS_SLASH})`,QMARK_NO_DOT="[^.\\/]",STAR=`${QMARK}*?`,SEP="/",POSIX_CHARS={DOT_LITERAL:"\\.",PLUS_LITERAL:"\\+",
QMARK_LITERAL:"\\?",SLASH_LITERAL:"\\/",ONE_CHAR,QMARK,END_ANCHOR,DOTS_SLASH,NO_DOT,NO_DOTS,NO_DOT_SLASH,NO_DOTS_SLASH,QMARK_NO_DOT,STAR,START_ANCHOR,SEP},WINDOWS_CHARS={
...POSIX_CHARS,SLASH_LITERAL:"[\\\\/]",QMARK:WIN_NO_SLASH,STAR:`${WIN_NO_SLASH}*?`,DOTS_SLASH:"\\.{1,2}(?:[\\\\/]|$)",NO_DOT:"(?!\\.)",NO_DOTS:"(?!(?:^|[\\\\/])\\.\
{1,2}(?:[\\\\/]|$))",NO_DOT_SLASH:"(?!\\.{0,1}(?:[\\\\/]|$))",NO_DOTS_SLASH:"(?!\\.{1,2}(?:[\\\\/]|$))",QMARK_NO_DOT:"[^.\\\\/]",START_ANCHOR:"(?:^|[\\\\/])",END_ANCHOR:"\
(?:[\\\\/]|$)",SEP:"\\"},POSIX_REGEX_SOURCE={__proto__:null,alnum:"a-zA-Z0-9",alpha:"a-zA-Z",ascii:"\\x00-\\x7F",blank:" \\t",cntrl:"\\x00-\\x1F\\x7F",digit:"0-\
9",graph:"\\x21-\\x7E",lower:"a-z",print:"\\x20-\\x7E ",punct:"\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",space:" \\t\\r\\n\\v\\f",upper:"A-Z",word:"A-Za-z0-9_",xdigit:"\
A-Fa-f0-9"};module2.exports={DEFAULT_MAX_EXTGLOB_RECURSION:0,MAX_LENGTH:1024*64,POSIX_REGEX_SOURCE,REGEX_BACKSLASH:/\\(?![*+?^${}(|)[\]])/g,REGEX_NON_SPECIAL_CHARS:/^[^@![\].,$*+?^{}()|\\/]+/,
REGEX_SPECIAL_CHARS:/[-*+?.^${}(|)[\]]/,REGEX_SPECIAL_CHARS_BACKREF:/(\\?)((\W)(\3*))/g,REGEX_SPECIAL_CHARS_GLOBAL:/([-*+?.^${}(|)[\]])/g,REGEX_REMOVE_BACKSLASH:/(?:\[.*?[^\\]\]|\\(?=.))/g,
REPLACEMENTS:{__proto__:null,"***":"*","**/**":"**","**/**/**":"**"},CHAR_0:48,CHAR_9:57,CHAR_UPPERCASE_A:65,CHAR_LOWERCASE_A:97,CHAR_UPPERCASE_Z:90,CHAR_LOWERCASE_Z:122,
CHAR_LEFT_PARENTHESES:40,CHAR_RIGHT_PARENTHESES:41,CHAR_ASTERISK:42,CHAR_AMPERSAND:38,CHAR_AT:64,CHAR_BACKWARD_SLASH:92,CHAR_CARRIAGE_RETURN:13,CHAR_CIRCUMFLEX_ACCENT:94,
CHAR_COLON:58,CHAR_COMMA:44,CHAR_DOT:46,CHAR_DOUBLE_QUOTE:34,CHAR_EQUAL:61,CHAR_EXCLAMATION_MARK:33,CHAR_FORM_FEED:12,CHAR_FORWARD_SLASH:47,CHAR_GRAVE_ACCENT:96,
CHAR_HASH:35,CHAR_HYPHEN_MINUS:45,CHAR_LEFT_ANGLE_BRACKET:60,CHAR_LEFT_CURLY_BRACE:123,CHAR_LEFT_SQUARE_BRACKET:91,CHAR_LINE_FEED:10,CHAR_NO_BREAK_SPACE:160,CHAR_PERCENT:37,
CHAR_PLUS:43,CHAR_QUESTION_MARK:63,CHAR_RIGHT_ANGLE_BRACKET:62,CHAR_RIGHT_CURLY_BRACE:125,CHAR_RIGHT_SQUARE_BRACKET:93,CHAR_SEMICOLON:59,CHAR_SINGLE_QUOTE:39,CHAR_SPACE:32,
CHAR_TAB:9,CHAR_UNDERSCORE:95,CHAR_VERTICAL_LINE:124,CHAR_ZERO_WIDTH_NOBREAK_SPACE:65279,extglobChars(chars){return{"!":{type:"negate",open:"(?:(?!(?:",close:`)\
)${chars.STAR})`},"?":{type:"qmark",open:"(?:",close:")?"},"+":{type:"plus",open:"(?:",close:")+"},"*":{type:"star",open:"(?:",close:")*"},"@":{type:"at",open:"\
(?:",close:")"}}},globChars(win32){return win32===!0?WINDOWS_CHARS:POSIX_CHARS}}}});var require_utils=__commonJS({"node_modules/picomatch/lib/utils.js"(exports2){"use strict";var{REGEX_BACKSLASH,REGEX_REMOVE_BACKSLASH,REGEX_SPECIAL_CHARS,REGEX_SPECIAL_CHARS_GLOBAL}=require_constants();
exports2.isObject=val=>val!==null&&typeof val=="object"&&!Array.isArray(val);exports2.hasRegexChars=str=>REGEX_SPECIAL_CHARS.test(str);exports2.isRegexChar=str=>str.
length===1&&exports2.hasRegexChars(str);exports2.escapeRegex=str=>str.replace(REGEX_SPECIAL_CHARS_GLOBAL,"\\$1");exports2.toPosixSlashes=str=>str.replace(REGEX_BACKSLASH,
"/");exports2.isWindows=()=>{if(typeof navigator<"u"&&navigator.platform){let platform=navigator.platform.toLowerCase();return platform==="win32"||platform==="w\
indows"}return typeof process<"u"&&process.platform?process.platform==="win32":!1};exports2.removeBackslashes=str=>str.replace(REGEX_REMOVE_BACKSLASH,match=>match===
"\\"?"":match);exports2.escapeLast=(input,char,lastIdx)=>{let idx=input.lastIndexOf(char,lastIdx);return idx===-1?input:input[idx-1]==="\\"?exports2.escapeLast(
input,char,idx-1):`${input.slice(0,idx)}\\${input.slice(idx)}`};exports2.removePrefix=(input,state={})=>{let output=input;return output.startsWith("./")&&(output=
output.slice(2),state.prefix="./"),output};exports2.wrapOutput=(input,state={},options={})=>{let prepend=options.contains?"":"^",append=options.contains?"":"$",
output=`${prepend}(?:${input})${append}`;return state.negated===!0&&(output=`(?:^(?!${output}).*$)`),output};exports2.basename=(path2,{windows}={})=>{let segs=path2.
split(windows?/[\\/]/:"/"),last=segs[segs.length-1];return last===""?segs[segs.length-2]:last}}});var require_scan=__commonJS({"node_modules/picomatch/lib/scan.js"(exports2,module2){"use strict";var utils=require_utils(),{CHAR_ASTERISK,CHAR_AT,CHAR_BACKWARD_SLASH,
CHAR_COMMA,CHAR_DOT,CHAR_EXCLAMATION_MARK,CHAR_FORWARD_SLASH,CHAR_LEFT_CURLY_BRACE,CHAR_LEFT_PARENTHESES,CHAR_LEFT_SQUARE_BRACKET,CHAR_PLUS,CHAR_QUESTION_MARK,CHAR_RIGHT_CURLY_BRACE,
CHAR_RIGHT_PARENTHESES,CHAR_RIGHT_SQUARE_BRACKET}=require_constants(),isPathSeparator=code=>code===CHAR_FORWARD_SLASH||code===CHAR_BACKWARD_SLASH,depth=token=>{
token.isPrefix!==!0&&(token.depth=token.isGlobstar?1/0:1)},scan=(input,options)=>{let opts=options||{},length=input.length-1,scanToEnd=opts.parts===!0||opts.tokens===
!0||opts.scanToEnd===!0,slashes=[],tokens=[],parts=[],str=input,index=-1,start=0,lastIndex=0,isBrace=!1,isBracket=!1,isGlob2=!1,isExtglob=!1,isGlobstar=!1,braceEscaped=!1,
backslashes=!1,negated=!1,negatedExtglob=!1,finished=!1,braces=0,prev,code,token={value:"",depth:0,isGlob:!1},eos=()=>index>=length,peek=()=>str.charCodeAt(index+
1),advance=()=>(prev=code,str.charCodeAt(++index));for(;index<length;){code=advance();let next;if(code===CHAR_BACKWARD_SLASH){backslashes=token.backslashes=!0,code=
advance(),code===CHAR_LEFT_CURLY_BRACE&&(braceEscaped=!0);continue}if(braceEscaped===!0||code===CHAR_LEFT_CURLY_BRACE){for(braces++;eos()!==!0&&(code=advance());){
if(code===CHAR_BACKWARD_SLASH){backslashes=token.backslashes=!0,advance();continue}if(code===CHAR_LEFT_CURLY_BRACE){braces++;continue}if(braceEscaped!==!0&&code===
CHAR_DOT&&(code=advance())===CHAR_DOT){if(isBrace=token.isBrace=!0,isGlob2=token.isGlob=!0,finished=!0,scanToEnd===!0)continue;break}if(braceEscaped!==!0&&code===
CHAR_COMMA){if(isBrace=token.isBrace=!0,isGlob2=token.isGlob=!0,finished=!0,scanToEnd===!0)continue;break}if(code===CHAR_RIGHT_CURLY_BRACE&&(braces--,braces===0)){
braceEscaped=!1,isBrace=token.isBrace=!0,finished=!0;break}}if(scanToEnd===!0)continue;break}if(code===CHAR_FORWARD_SLASH){if(slashes.push(index),tokens.push(token),
token={value:"",depth:0,isGlob:!1},finished===!0)continue;if(prev===CHAR_DOT&&index===start+1){start+=2;continue}lastIndex=index+1;continue}if(opts.noext!==!0&&
(code===CHAR_PLUS||code===CHAR_AT||code===CHAR_ASTERISK||code===CHAR_QUESTION_MARK||code===CHAR_EXCLAMATION_MARK)===!0&&peek()===CHAR_LEFT_PARENTHESES){if(isGlob2=
token.isGlob=!0,isExtglob=token.isExtglob=!0,finished=!0,code===CHAR_EXCLAMATION_MARK&&index===start&&(negatedExtglob=!0),scanToEnd===!0){let parens=0;for(;eos()!==
!0&&(code=advance());){if(code===CHAR_BACKWARD_SLASH){backslashes=token.backslashes=!0,advance();continue}if(code===CHAR_LEFT_PARENTHESES){parens++;continue}if(code===
CHAR_RIGHT_PARENTHESES&&--parens===0){finished=!0;break}}continue}break}if(code===CHAR_ASTERISK){if(prev===CHAR_ASTERISK&&(isGlobstar=token.isGlobstar=!0),isGlob2=
token.isGlob=!0,finished=!0,scanToEnd===!0)continue;break}if(code===CHAR_QUESTION_MARK){if(isGlob2=token.isGlob=!0,finished=!0,scanToEnd===!0)continue;break}if(code===
CHAR_LEFT_SQUARE_BRACKET){for(;eos()!==!0&&(next=advance());){if(next===CHAR_BACKWARD_SLASH){backslashes=token.backslashes=!0,advance();continue}if(next===CHAR_RIGHT_SQUARE_BRACKET){
isBracket=token.isBracket=!0,isGlob2=token.isGlob=!0,finished=!0;break}}if(scanToEnd===!0)continue;break}if(opts.nonegate!==!0&&code===CHAR_EXCLAMATION_MARK&&index===
start){negated=token.negated=!0,start++;continue}if(opts.noparen!==!0&&code===CHAR_LEFT_PARENTHESES){if(isGlob2=token.isGlob=!0,scanToEnd===!0){let parens=1;for(;eos()!==
!0&&(code=advance());){if(code===CHAR_BACKWARD_SLASH){backslashes=token.backslashes=!0,advance();continue}if(code===CHAR_LEFT_PARENTHESES){parens++;continue}if(code===
CHAR_RIGHT_PARENTHESES&&--parens===0){finished=!0;break}}continue}break}if(isGlob2===!0){if(finished=!0,scanToEnd===!0)continue;break}}opts.noext===!0&&(isExtglob=
!1,isGlob2=!1);let base=str,prefix="",glob="";start>0&&(prefix=str.slice(0,start),str=str.slice(start),lastIndex-=start),base&&isGlob2===!0&&lastIndex>0?(base=str.
slice(0,lastIndex),glob=str.slice(lastIndex)):isGlob2===!0?(base="",glob=str):base=str,base&&base!==""&&base!=="/"&&base!==str&&isPathSeparator(base.charCodeAt(
base.length-1))&&(base=base.slice(0,-1)),opts.unescape===!0&&(glob&&(glob=utils.removeBackslashes(glob)),base&&backslashes===!0&&(base=utils.removeBackslashes(base)));
let state={prefix,input,start,base,glob,isBrace,isBracket,isGlob:isGlob2,isExtglob,isGlobstar,negated,negatedExtglob};if(opts.tokens===!0&&(state.maxDepth=0,isPathSeparator(
code)||tokens.push(token),state.tokens=tokens),opts.parts===!0||opts.tokens===!0){let prevIndex;for(let idx=0;idx<slashes.length;idx++){let n2=prevIndex!==void 0?
prevIndex+1:start,i=slashes[idx],value2=input.slice(n2,i);opts.tokens&&(idx===0&&start!==0?(tokens[idx].isPrefix=!0,tokens[idx].value=prefix):tokens[idx].value=
value2,depth(tokens[idx]),state.maxDepth+=tokens[idx].depth),i>=start&&(parts.push(value2),prevIndex=i)}let n=prevIndex!==void 0?prevIndex+1:start,value=input.slice(
n);parts.push(value),opts.tokens&&prevIndex&&prevIndex+1<input.length&&(tokens[tokens.length-1].value=value,depth(tokens[tokens.length-1]),state.maxDepth+=tokens[tokens.
length-1].depth),state.slashes=slashes,state.parts=parts}return state};module2.exports=scan}});var require_parse=__commonJS({"node_modules/picomatch/lib/parse.js"(exports2,module2){"use strict";var constants10=require_constants(),utils=require_utils(),{MAX_LENGTH,
POSIX_REGEX_SOURCE,REGEX_NON_SPECIAL_CHARS,REGEX_SPECIAL_CHARS_BACKREF,REPLACEMENTS}=constants10,expandRange=(args,options)=>{if(typeof options.expandRange=="fu\
nction")return options.expandRange(...args,options);args.sort();let value=`[${args.join("-")}]`;try{new RegExp(value)}catch{return args.map(v=>utils.escapeRegex(
v)).join("..")}return value},syntaxError=(type,char)=>`Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`,splitTopLevel=input=>{let parts=[],
bracket=0,paren=0,quote=0,value="",escaped=!1;for(let ch of input){if(escaped===!0){value+=ch,escaped=!1;continue}if(ch==="\\"){value+=ch,escaped=!0;continue}if(ch===
'"'){quote=quote===1?0:1,value+=ch;continue}if(quote===0){if(ch==="[")bracket++;else if(ch==="]"&&bracket>0)bracket--;else if(bracket===0){if(ch==="(")paren++;else if(ch===
")"&&paren>0)paren--;else if(ch==="|"&&paren===0){parts.push(value),value="";continue}}}value+=ch}return parts.push(value),parts},isPlainBranch=branch=>{let escaped=!1;
for(let ch of branch){if(escaped===!0){escaped=!1;continue}if(ch==="\\"){escaped=!0;continue}if(/[?*+@!()[\]{}]/.test(ch))return!1}return!0},normalizeSimpleBranch=branch=>{
let value=branch.trim(),changed=!0;for(;changed===!0;)changed=!1,/^@\([^\\()[\]{}|]+\)$/.test(value)&&(value=value.slice(2,-1),changed=!0);if(isPlainBranch(value))
return value.replace(/\\(.)/g,"$1")},hasRepeatedCharPrefixOverlap=branches=>{let values=branches.map(normalizeSimpleBranch).filter(Boolean);for(let i=0;i<values.
length;i++)for(let j=i+1;j<values.length;j++){let a=values[i],b=values[j],char=a[0];if(!(!char||a!==char.repeat(a.length)||b!==char.repeat(b.length))&&(a===b||a.
startsWith(b)||b.startsWith(a)))return!0}return!1},parseRepeatedExtglob=(pattern,requireEnd=!0)=>{if(pattern[0]!=="+"&&pattern[0]!=="*"||pattern[1]!=="(")return;
let bracket=0,paren=0,quote=0,escaped=!1;for(let i=1;i<pattern.length;i++){let ch=pattern[i];if(escaped===!0){escaped=!1;continue}if(ch==="\\"){escaped=!0;continue}
if(ch==='"'){quote=quote===1?0:1;continue}if(quote!==1){if(ch==="["){bracket++;continue}if(ch==="]"&&bracket>0){bracket--;continue}if(!(bracket>0)){if(ch==="("){
paren++;continue}if(ch===")"&&(paren--,paren===0))return requireEnd===!0&&i!==pattern.length-1?void 0:{type:pattern[0],body:pattern.slice(2,i),end:i}}}}},buildCharClassStar=chars=>`${chars.
length===1?utils.escapeRegex(chars[0]):`[${chars.map(ch=>utils.escapeRegex(ch)).join("")}]`}*`,getStarExtglobSequenceChars=pattern=>{let index=0,chars=[];for(;index<
pattern.length;){let match=parseRepeatedExtglob(pattern.slice(index),!1);if(!match||match.type!=="*")return;let branches=splitTopLevel(match.body).map(branch2=>branch2.
trim());if(branches.length!==1)return;let branch=normalizeSimpleBranch(branches[0]);if(!branch||branch.length!==1)return;chars.push(branch),index+=match.end+1}if(!(chars.
length<1))return chars},repeatedExtglobRecursion=pattern=>{let depth=0,value=pattern.trim(),match=parseRepeatedExtglob(value);for(;match;)depth++,value=match.body.
trim(),match=parseRepeatedExtglob(value);return depth},analyzeRepeatedExtglob=(body,options)=>{if(options.maxExtglobRecursion===!1)return{risky:!1};let max=typeof options.
maxExtglobRecursion=="number"?options.maxExtglobRecursion:constants10.DEFAULT_MAX_EXTGLOB_RECURSION,branches=splitTopLevel(body).map(branch=>branch.trim());if(branches.
length>1&&(branches.some(branch=>branch==="")||branches.some(branch=>/^[*?]+$/.test(branch))||hasRepeatedCharPrefixOverlap(branches)))return{risky:!0};let safeChars=[],
sawStarSequence=!1,combinable=!0;for(let branch of branches){let chars=getStarExtglobSequenceChars(branch);if(chars){sawStarSequence=!0,safeChars.push(...chars);
continue}let literal=normalizeSimpleBranch(branch);if(literal&&literal.length===1){safeChars.push(literal);continue}if(combinable=!1,repeatedExtglobRecursion(branch)>
max)return{risky:!0}}return sawStarSequence?combinable?{risky:!0,safeOutput:buildCharClassStar([...new Set(safeChars)])}:{risky:!0}:{risky:!1}},parse=(input,options)=>{
if(typeof input!="string")throw new TypeError("Expected a string");input=REPLACEMENTS[input]||input;let opts={...options},max=typeof opts.maxLength=="number"?Math.
min(MAX_LENGTH,opts.maxLength):MAX_LENGTH,len=input.length;if(len>max)throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);let bos={
type:"bos",value:"",output:opts.prepend||""},tokens=[bos],capture=opts.capture?"":"?:",PLATFORM_CHARS=constants10.globChars(opts.windows),EXTGLOB_CHARS=constants10.
extglobChars(PLATFORM_CHARS),{DOT_LITERAL,PLUS_LITERAL,SLASH_LITERAL,ONE_CHAR,DOTS_SLASH,NO_DOT,NO_DOT_SLASH,NO_DOTS_SLASH,QMARK,QMARK_NO_DOT,STAR,START_ANCHOR}=PLATFORM_CHARS,
globstar=opts2=>`(${capture}(?:(?!${START_ANCHOR}${opts2.dot?DOTS_SLASH:DOT_LITERAL}).)*?)`,nodot=opts.dot?"":NO_DOT,qmarkNoDot=opts.dot?QMARK:QMARK_NO_DOT,star=opts.
bash===!0?globstar(opts):STAR;opts.capture&&(star=`(${star})`),typeof opts.noext=="boolean"&&(opts.noextglob=opts.noext);let state={input,index:-1,start:0,dot:opts.
dot===!0,consumed:"",output:"",prefix:"",backtrack:!1,negated:!1,brackets:0,braces:0,parens:0,quotes:0,globstar:!1,tokens};input=utils.removePrefix(input,state),
len=input.length;let extglobs=[],braces=[],stack=[],prev=bos,value,eos=()=>state.index===len-1,peek=state.peek=(n=1)=>input[state.index+n],advance=state.advance=
()=>input[++state.index]||"",remaining=()=>input.slice(state.index+1),consume=(value2="",num=0)=>{state.consumed+=value2,state.index+=num},append=token=>{state.
output+=token.output!=null?token.output:token.value,consume(token.value)},negate=()=>{let count2=1;for(;peek()==="!"&&(peek(2)!=="("||peek(3)==="?");)advance(),
state.start++,count2++;return count2%2===0?!1:(state.negated=!0,state.start++,!0)},increment=type=>{state[type]++,stack.push(type)},decrement=type=>{state[type]--,
stack.pop()},push=tok=>{if(prev.type==="globstar"){let isBrace=state.braces>0&&(tok.type==="comma"||tok.type==="brace"),isExtglob=tok.extglob===!0||extglobs.length&&
(tok.type==="pipe"||tok.type==="paren");tok.type!=="slash"&&tok.type!=="paren"&&!isBrace&&!isExtglob&&(state.output=state.output.slice(0,-prev.output.length),prev.
type="star",prev.value="*",prev.output=star,state.output+=prev.output)}if(extglobs.length&&tok.type!=="paren"&&(extglobs[extglobs.length-1].inner+=tok.value),(tok.
value||tok.output)&&append(tok),prev&&prev.type==="text"&&tok.type==="text"){prev.output=(prev.output||prev.value)+tok.value,prev.value+=tok.value;return}tok.prev=
prev,tokens.push(tok),prev=tok},extglobOpen=(type,value2)=>{let token={...EXTGLOB_CHARS[value2],conditions:1,inner:""};token.prev=prev,token.parens=state.parens,
token.output=state.output,token.startIndex=state.index,token.tokensIndex=tokens.length;let output=(opts.capture?"(":"")+token.open;increment("parens"),push({type,
value:value2,output:state.output?"":ONE_CHAR}),push({type:"paren",extglob:!0,value:advance(),output}),extglobs.push(token)},extglobClose=token=>{let literal=input.
slice(token.startIndex,state.index+1),body=input.slice(token.startIndex+2,state.index),analysis=analyzeRepeatedExtglob(body,opts);if((token.type==="plus"||token.
type==="star")&&analysis.risky){let safeOutput=analysis.safeOutput?(token.output?"":ONE_CHAR)+(opts.capture?`(${analysis.safeOutput})`:analysis.safeOutput):void 0,
open2=tokens[token.tokensIndex];open2.type="text",open2.value=literal,open2.output=safeOutput||utils.escapeRegex(literal);for(let i=token.tokensIndex+1;i<tokens.
length;i++)tokens[i].value="",tokens[i].output="",delete tokens[i].suffix;state.output=token.output+open2.output,state.backtrack=!0,push({type:"paren",extglob:!0,
value,output:""}),decrement("parens");return}let output=token.close+(opts.capture?")":""),rest;if(token.type==="negate"){let extglobStar=star;if(token.inner&&token.
inner.length>1&&token.inner.includes("/")&&(extglobStar=globstar(opts)),(extglobStar!==star||eos()||/^\)+$/.test(remaining()))&&(output=token.close=`)$))${extglobStar}`),
token.inner.includes("*")&&(rest=remaining())&&/^\.[^\\/.]+$/.test(rest)){let expression=parse(rest,{...options,fastpaths:!1}).output;output=token.close=`)${expression}\
)${extglobStar})`}token.prev.type==="bos"&&(state.negatedExtglob=!0)}push({type:"paren",extglob:!0,value,output}),decrement("parens")};if(opts.fastpaths!==!1&&!/(^[*!]|[/()[\]{}"])/.
test(input)){let backslashes=!1,output=input.replace(REGEX_SPECIAL_CHARS_BACKREF,(m,esc,chars,first,rest,index)=>first==="\\"?(backslashes=!0,m):first==="?"?esc?
esc+first+(rest?QMARK.repeat(rest.length):""):index===0?qmarkNoDot+(rest?QMARK.repeat(rest.length):""):QMARK.repeat(chars.length):first==="."?DOT_LITERAL.repeat(
chars.length):first==="*"?esc?esc+first+(rest?star:""):star:esc?m:`\\${m}`);return backslashes===!0&&(opts.unescape===!0?output=output.replace(/\\/g,""):output=
output.replace(/\\+/g,m=>m.length%2===0?"\\\\":m?"\\":"")),output===input&&opts.contains===!0?(state.output=input,state):(state.output=utils.wrapOutput(output,state,
options),state)}for(;!eos();){if(value=advance(),value==="\0")continue;if(value==="\\"){let next=peek();if(next==="/"&&opts.bash!==!0||next==="."||next===";")continue;
if(!next){value+="\\",push({type:"text",value});continue}let match=/^\\+/.exec(remaining()),slashes=0;if(match&&match[0].length>2&&(slashes=match[0].length,state.
index+=slashes,slashes%2!==0&&(value+="\\")),opts.unescape===!0?value=advance():value+=advance(),state.brackets===0){push({type:"text",value});continue}}if(state.
brackets>0&&(value!=="]"||prev.value==="["||prev.value==="[^")){if(opts.posix!==!1&&value===":"){let inner=prev.value.slice(1);if(inner.includes("[")&&(prev.posix=
!0,inner.includes(":"))){let idx=prev.value.lastIndexOf("["),pre=prev.value.slice(0,idx),rest2=prev.value.slice(idx+2),posix2=POSIX_REGEX_SOURCE[rest2];if(posix2){
prev.value=pre+posix2,state.backtrack=!0,advance(),!bos.output&&tokens.indexOf(prev)===1&&(bos.output=ONE_CHAR);continue}}}(value==="["&&peek()!==":"||value==="\
-"&&peek()==="]")&&(value=`\\${value}`),value==="]"&&(prev.value==="["||prev.value==="[^")&&(value=`\\${value}`),opts.posix===!0&&value==="!"&&prev.value==="["&&
(value="^"),prev.value+=value,append({value});continue}if(state.quotes===1&&value!=='"'){value=utils.escapeRegex(value),prev.value+=value,append({value});continue}
if(value==='"'){state.quotes=state.quotes===1?0:1,opts.keepQuotes===!0&&push({type:"text",value});continue}if(value==="("){increment("parens"),push({type:"paren",
value});continue}if(value===")"){if(state.parens===0&&opts.strictBrackets===!0)throw new SyntaxError(syntaxError("opening","("));let extglob=extglobs[extglobs.length-
1];if(extglob&&state.parens===extglob.parens+1){extglobClose(extglobs.pop());continue}push({type:"paren",value,output:state.parens?")":"\\)"}),decrement("parens");
continue}if(value==="["){if(opts.nobracket===!0||!remaining().includes("]")){if(opts.nobracket!==!0&&opts.strictBrackets===!0)throw new SyntaxError(syntaxError(
"closing","]"));value=`\\${value}`}else increment("brackets");push({type:"bracket",value});continue}if(value==="]"){if(opts.nobracket===!0||prev&&prev.type==="b\
racket"&&prev.value.length===1){push({type:"text",value,output:`\\${value}`});continue}if(state.brackets===0){if(opts.strictBrackets===!0)throw new SyntaxError(
syntaxError("opening","["));push({type:"text",value,output:`\\${value}`});continue}decrement("brackets");let prevValue=prev.value.slice(1);if(prev.posix!==!0&&prevValue[0]===
"^"&&!prevValue.includes("/")&&(value=`/${value}`),prev.value+=value,append({value}),opts.literalBrackets===!1||utils.hasRegexChars(prevValue))continue;let escaped=utils.
escapeRegex(prev.value);if(state.output=state.output.slice(0,-prev.value.length),opts.literalBrackets===!0){state.output+=escaped,prev.value=escaped;continue}prev.
value=`(${capture}${escaped}|${prev.value})`,state.output+=prev.value;continue}if(value==="{"&&opts.nobrace!==!0){increment("braces");let open2={type:"brace",value,
output:"(",outputIndex:state.output.length,tokensIndex:state.tokens.length};braces.push(open2),push(open2);continue}if(value==="}"){let brace=braces[braces.length-
1];if(opts.nobrace===!0||!brace){push({type:"text",value,output:value});continue}let output=")";if(brace.dots===!0){let arr=tokens.slice(),range=[];for(let i=arr.
length-1;i>=0&&(tokens.pop(),arr[i].type!=="brace");i--)arr[i].type!=="dots"&&range.unshift(arr[i].value);output=expandRange(range,opts),state.backtrack=!0}if(brace.
comma!==!0&&brace.dots!==!0){let out=state.output.slice(0,brace.outputIndex),toks=state.tokens.slice(brace.tokensIndex);brace.value=brace.output="\\{",value=output=
"\\}",state.output=out;for(let t of toks)state.output+=t.output||t.value}push({type:"brace",value,output}),decrement("braces"),braces.pop();continue}if(value===
"|"){extglobs.length>0&&extglobs[extglobs.length-1].conditions++,push({type:"text",value});continue}if(value===","){let output=value,brace=braces[braces.length-
1];brace&&stack[stack.length-1]==="braces"&&(brace.comma=!0,output="|"),push({type:"comma",value,output});continue}if(value==="/"){if(prev.type==="dot"&&state.index===
state.start+1){state.start=state.index+1,state.consumed="",state.output="",tokens.pop(),prev=bos;continue}push({type:"slash",value,output:SLASH_LITERAL});continue}
if(value==="."){if(state.braces>0&&prev.type==="dot"){prev.value==="."&&(prev.output=DOT_LITERAL);let brace=braces[braces.length-1];prev.type="dots",prev.output+=
value,prev.value+=value,brace.dots=!0;continue}if(state.braces+state.parens===0&&prev.type!=="bos"&&prev.type!=="slash"){push({type:"text",value,output:DOT_LITERAL});
continue}push({type:"dot",value,output:DOT_LITERAL});continue}if(value==="?"){if(!(prev&&prev.value==="(")&&opts.noextglob!==!0&&peek()==="("&&peek(2)!=="?"){extglobOpen(
"qmark",value);continue}if(prev&&prev.type==="paren"){let next=peek(),output=value;(prev.value==="("&&!/[!=<:]/.test(next)||next==="<"&&!/<([!=]|\w+>)/.test(remaining()))&&
(output=`\\${value}`),push({type:"text",value,output});continue}if(opts.dot!==!0&&(prev.type==="slash"||prev.type==="bos")){push({type:"qmark",value,output:QMARK_NO_DOT});
continue}push({type:"qmark",value,output:QMARK});continue}if(value==="!"){if(opts.noextglob!==!0&&peek()==="("&&(peek(2)!=="?"||!/[!=<:]/.test(peek(3)))){extglobOpen(
"negate",value);continue}if(opts.nonegate!==!0&&state.index===0){negate();continue}}if(value==="+"){if(opts.noextglob!==!0&&peek()==="("&&peek(2)!=="?"){extglobOpen(
"plus",value);continue}if(prev&&prev.value==="("||opts.regex===!1){push({type:"plus",value,output:PLUS_LITERAL});continue}if(prev&&(prev.type==="bracket"||prev.
type==="paren"||prev.type==="brace")||state.parens>0){push({type:"plus",value});continue}push({type:"plus",value:PLUS_LITERAL});continue}if(value==="@"){if(opts.
noextglob!==!0&&peek()==="("&&peek(2)!=="?"){push({type:"at",extglob:!0,value,output:""});continue}push({type:"text",value});continue}if(value!=="*"){(value==="\
$"||value==="^")&&(value=`\\${value}`);let match=REGEX_NON_SPECIAL_CHARS.exec(remaining());match&&(value+=match[0],state.index+=match[0].length),push({type:"tex\
t",value});continue}if(prev&&(prev.type==="globstar"||prev.star===!0)){prev.type="star",prev.star=!0,prev.value+=value,prev.output=star,state.backtrack=!0,state.
globstar=!0,consume(value);continue}let rest=remaining();if(opts.noextglob!==!0&&/^\([^?]/.test(rest)){extglobOpen("star",value);continue}if(prev.type==="star"){
if(opts.noglobstar===!0){consume(value);continue}let prior=prev.prev,before2=prior.prev,isStart=prior.type==="slash"||prior.type==="bos",afterStar=before2&&(before2.
type==="star"||before2.type==="globstar");if(opts.bash===!0&&(!isStart||rest[0]&&rest[0]!=="/")){push({type:"star",value,output:""});continue}let isBrace=state.
braces>0&&(prior.type==="comma"||prior.type==="brace"),isExtglob=extglobs.length&&(prior.type==="pipe"||prior.type==="paren");if(!isStart&&prior.type!=="paren"&&
!isBrace&&!isExtglob){push({type:"star",value,output:""});continue}for(;rest.slice(0,3)==="/**";){let after2=input[state.index+4];if(after2&&after2!=="/")break;
rest=rest.slice(3),consume("/**",3)}let isEnd=eos()||state.parens>0&&rest===")".repeat(state.parens)&&!extglobs.some(extglob=>extglob.type==="negate");if(prior.
type==="bos"&&eos()){prev.type="globstar",prev.value+=value,prev.output=globstar(opts),state.output=prev.output,state.globstar=!0,consume(value);continue}if(prior.
type==="slash"&&prior.prev.type!=="bos"&&!afterStar&&isEnd){state.output=state.output.slice(0,-(prior.output+prev.output).length),prior.output=`(?:${prior.output}`,
prev.type="globstar",prev.output=globstar(opts)+(opts.strictSlashes?")":"|$)"),prev.value+=value,state.globstar=!0,state.output+=prior.output+prev.output,consume(
value);continue}if(prior.type==="slash"&&prior.prev.type!=="bos"&&rest[0]==="/"){let end=rest[1]!==void 0?"|$":"";state.output=state.output.slice(0,-(prior.output+
prev.output).length),prior.output=`(?:${prior.output}`,prev.type="globstar",prev.output=`${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`,prev.value+=
value,state.output+=prior.output+prev.output,state.globstar=!0,consume(value+advance()),push({type:"slash",value:"/",output:""});continue}if(prior.type==="bos"&&
rest[0]==="/"){prev.type="globstar",prev.value+=value,prev.output=`(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`,state.output=prev.output,state.globstar=
!0,consume(value+advance()),push({type:"slash",value:"/",output:""});continue}state.output=state.output.slice(0,-prev.output.length),prev.type="globstar",prev.output=
globstar(opts),prev.value+=value,state.output+=prev.output,state.globstar=!0,consume(value);continue}let token={type:"star",value,output:star};if(opts.bash===!0){
token.output=".*?",(prev.type==="bos"||prev.type==="slash")&&(token.output=nodot+token.output),push(token);continue}if(prev&&(prev.type==="bracket"||prev.type===
"paren")&&opts.regex===!0){token.output=value,push(token);continue}(state.index===state.start||prev.type==="slash"||prev.type==="dot")&&(prev.type==="dot"?(state.
output+=NO_DOT_SLASH,prev.output+=NO_DOT_SLASH):opts.dot===!0?(state.output+=NO_DOTS_SLASH,prev.output+=NO_DOTS_SLASH):(state.output+=nodot,prev.output+=nodot),
peek()!=="*"&&(state.output+=ONE_CHAR,prev.output+=ONE_CHAR)),push(token)}for(;state.brackets>0;){if(opts.strictBrackets===!0)throw new SyntaxError(syntaxError(
"closing","]"));state.output=utils.escapeLast(state.output,"["),decrement("brackets")}for(;state.parens>0;){if(opts.strictBrackets===!0)throw new SyntaxError(syntaxError(
"closing",")"));state.output=utils.escapeLast(state.output,"("),decrement("parens")}for(;state.braces>0;){if(opts.strictBrackets===!0)throw new SyntaxError(syntaxError(
"closing","}"));state.output=utils.escapeLast(state.output,"{"),decrement("braces")}if(opts.strictSlashes!==!0&&(prev.type==="star"||prev.type==="bracket")&&push(
{type:"maybe_slash",value:"",output:`${SLASH_LITERAL}?`}),state.backtrack===!0){state.output="";for(let token of state.tokens)state.output+=token.output!=null?token.
output:token.value,token.suffix&&(state.output+=token.suffix)}return state};parse.fastpaths=(input,options)=>{let opts={...options},max=typeof opts.maxLength=="\
number"?Math.min(MAX_LENGTH,opts.maxLength):MAX_LENGTH,len=input.length;if(len>max)throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
input=REPLACEMENTS[input]||input;let{DOT_LITERAL,SLASH_LITERAL,ONE_CHAR,DOTS_SLASH,NO_DOT,NO_DOTS,NO_DOTS_SLASH,STAR,START_ANCHOR}=constants10.globChars(opts.windows),
nodot=opts.dot?NO_DOTS:NO_DOT,slashDot=opts.dot?NO_DOTS_SLASH:NO_DOT,capture=opts.capture?"":"?:",state={negated:!1,prefix:""},star=opts.bash===!0?".*?":STAR;opts.
capture&&(star=`(${star})`);let globstar=opts2=>opts2.noglobstar===!0?star:`(${capture}(?:(?!${START_ANCHOR}${opts2.dot?DOTS_SLASH:DOT_LITERAL}).)*?)`,create=str=>{
switch(str){case"*":return`${nodot}${ONE_CHAR}${star}`;case".*":return`${DOT_LITERAL}${ONE_CHAR}${star}`;case"*.*":return`${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;case"\
*/*":return`${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;case"**":return nodot+globstar(opts);case"**/*":return`(?:${nodot}${globstar(opts)}${SLASH_LITERAL}\
)?${slashDot}${ONE_CHAR}${star}`;case"**/*.*":return`(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;case"**/.\
*":return`(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;default:{let match=/^(.*?)\.(\w+)$/.exec(str);if(!match)return;let source2=create(
match[1]);return source2?source2+DOT_LITERAL+match[2]:void 0}}},output=utils.removePrefix(input,state),source=create(output);return source&&opts.strictSlashes!==
!0&&(source+=`${SLASH_LITERAL}?`),source};module2.exports=parse}});var require_picomatch=__commonJS({"node_modules/picomatch/lib/picomatch.js"(exports2,module2){"use strict";var scan=require_scan(),parse=require_parse(),utils=require_utils(),
constants10=require_constants(),isObject=val=>val&&typeof val=="object"&&!Array.isArray(val),picomatch=(glob,options,returnState=!1)=>{if(Array.isArray(glob)){let fns=glob.
map(input=>picomatch(input,options,returnState));return str=>{for(let isMatch of fns){let state2=isMatch(str);if(state2)return state2}return!1}}let isState=isObject(
glob)&&glob.tokens&&glob.input;if(glob===""||typeof glob!="string"&&!isState)throw new TypeError("Expected pattern to be a non-empty string");let opts=options||
{},posix2=opts.windows,regex=isState?picomatch.compileRe(glob,options):picomatch.makeRe(glob,options,!1,!0),state=regex.state;delete regex.state;let isIgnored=()=>!1;
if(opts.ignore){let ignoreOpts={...options,ignore:null,onMatch:null,onResult:null};isIgnored=picomatch(opts.ignore,ignoreOpts,returnState)}let matcher=(input,returnObject=!1)=>{
let{isMatch,match,output}=picomatch.test(input,regex,options,{glob,posix:posix2}),result={glob,state,regex,posix:posix2,input,output,match,isMatch};return typeof opts.
onResult=="function"&&opts.onResult(result),isMatch===!1?(result.isMatch=!1,returnObject?result:!1):isIgnored(input)?(typeof opts.onIgnore=="function"&&opts.onIgnore(
result),result.isMatch=!1,returnObject?result:!1):(typeof opts.onMatch=="function"&&opts.onMatch(result),returnObject?result:!0)};return returnState&&(matcher.state=
state),matcher};picomatch.test=(input,regex,options,{glob,posix:posix2}={})=>{if(typeof input!="string")throw new TypeError("Expected input to be a string");if(input===
"")return{isMatch:!1,output:""};let opts=options||{},format=opts.format||(posix2?utils.toPosixSlashes:null),match=input===glob,output=match&&format?format(input):
input;return match===!1&&(output=format?format(input):input,match=output===glob),(match===!1||opts.capture===!0)&&(opts.matchBase===!0||opts.basename===!0?match=
picomatch.matchBase(input,regex,options,posix2):match=regex.exec(output)),{isMatch:!!match,match,output}};picomatch.matchBase=(input,glob,options,posix2=options&&
options.windows)=>(glob instanceof RegExp?glob:picomatch.makeRe(glob,options)).test(utils.basename(input,{windows:posix2}));picomatch.isMatch=(str,patterns,options)=>picomatch(
patterns,options)(str);picomatch.parse=(pattern,options)=>Array.isArray(pattern)?pattern.map(p2=>picomatch.parse(p2,options)):parse(pattern,{...options,fastpaths:!1});
picomatch.scan=(input,options)=>scan(input,options);picomatch.compileRe=(state,options,returnOutput=!1,returnState=!1)=>{if(returnOutput===!0)return state.output;
let opts=options||{},prepend=opts.contains?"":"^",append=opts.contains?"":"$",source=`${prepend}(?:${state.output})${append}`;state&&state.negated===!0&&(source=
`^(?!${source}).*$`);let regex=picomatch.toRegex(source,options);return returnState===!0&&(regex.state=state),regex};picomatch.makeRe=(input,options={},returnOutput=!1,returnState=!1)=>{
if(!input||typeof input!="string")throw new TypeError("Expected a non-empty string");let parsed={negated:!1,fastpaths:!0};return options.fastpaths!==!1&&(input[0]===
"."||input[0]==="*")&&(parsed.output=parse.fastpaths(input,options)),parsed.output||(parsed=parse(input,options)),picomatch.compileRe(parsed,options,returnOutput,
returnState)};picomatch.toRegex=(source,options)=>{try{let opts=options||{};return new RegExp(source,opts.flags||(opts.nocase?"i":""))}catch(err){if(options&&options.
debug===!0)throw err;return/$^/}};picomatch.constants=constants10;module2.exports=picomatch}});var require_picomatch2=__commonJS({"node_modules/picomatch/index.js"(exports2,module2){"use strict";var pico=require_picomatch(),utils=require_utils();function picomatch(glob,options,returnState=!1){
return options&&(options.windows===null||options.windows===void 0)&&(options={...options,windows:utils.isWindows()}),pico(glob,options,returnState)}Object.assign(
picomatch,pico);module2.exports=picomatch}});var import_node_fs15=require("node:fs"),import_node_path4=require("node:path"),import_node_module6=require("node:module");var import_node_fs2=require("node:fs");var import_node_buffer=require("node:buffer");function isWellFormed(s2){return s2.isWellFormed()}function toWellFormed(s2){return s2.toWellFormed()}function sequenceLength(bytes,i){
let b0=bytes[i];if(b0<128)return 1;let cont=(k,lo=128,hi=191)=>i+k<bytes.length&&bytes[i+k]>=lo&&bytes[i+k]<=hi;return b0>=194&&b0<=223?cont(1)?2:0:b0===224?cont(
1,160)&&cont(2)?3:0:b0>=225&&b0<=236||b0===238||b0===239?cont(1)&&cont(2)?3:0:b0===237?cont(1,128,159)&&cont(2)?3:0:b0===240?cont(1,144)&&cont(2)&&cont(3)?4:0:b0>=
241&&b0<=243?cont(1)&&cont(2)&&cont(3)?4:0:b0===244&&cont(1,128,143)&&cont(2)&&cont(3)?4:0}function bytesToName(bytes){let buffer=import_node_buffer.Buffer.from(
bytes.buffer,bytes.byteOffset,bytes.byteLength);if((0,import_node_buffer.isUtf8)(buffer))return buffer.toString("utf8");let out="",runStart=0,i=0;for(;i<buffer.
length;){let n=sequenceLength(buffer,i);if(n>0){i+=n;continue}out+=buffer.toString("utf8",runStart,i)+String.fromCharCode(56320+buffer[i]),i+=1,runStart=i}return out+
buffer.toString("utf8",runStart)}function nameToBytes(name2){if(isWellFormed(name2))return import_node_buffer.Buffer.from(name2,"utf8");let parts=[],runStart=0;
for(let i=0;i<name2.length;i++){let unit=name2.charCodeAt(i);if(unit>=55296&&unit<=56319&&i+1<name2.length){let next=name2.charCodeAt(i+1);if(next>=56320&&next<=
57343){i++;continue}}unit>=56448&&unit<=56575&&(parts.push(import_node_buffer.Buffer.from(name2.slice(runStart,i),"utf8"),import_node_buffer.Buffer.of(unit-56320)),
runStart=i+1)}return parts.push(import_node_buffer.Buffer.from(name2.slice(runStart),"utf8")),import_node_buffer.Buffer.concat(parts)}function nameByteLength(name2){
return isWellFormed(name2)?import_node_buffer.Buffer.byteLength(name2):nameToBytes(name2).length}var import_node_fs=require("node:fs"),statOfDisk=import_node_fs.statSync,StatsCtor,BigIntStatsCtor,takesSecondsAndNanos=!1,NS_PER_S=1000000000n;function toMs(ns){
return Number(ns/1000000n)+Number(ns%1000000n)/1e6}function secondsAndNanos(ns){let s2=ns/NS_PER_S,rest=ns-s2*NS_PER_S;return rest<0n&&(s2-=1n,rest+=NS_PER_S),[
Number(s2),Number(rest)]}function toStats(r,bigint=!1){if(bigint)return BigIntStatsCtor??=Object.getPrototypeOf(statOfDisk("/",{bigint:!0})).constructor,new BigIntStatsCtor(
BigInt(r.dev),BigInt(r.mode),BigInt(r.nlink),BigInt(r.uid),BigInt(r.gid),BigInt(r.rdev),BigInt(r.blksize),BigInt(r.ino),BigInt(r.size),BigInt(r.blocks),r.atimeNs,
r.mtimeNs,r.ctimeNs,r.birthtimeNs);if(StatsCtor===void 0&&(StatsCtor=Object.getPrototypeOf(statOfDisk("/")).constructor,takesSecondsAndNanos=StatsCtor.length>=18),
takesSecondsAndNanos){let[as,an]=secondsAndNanos(r.atimeNs),[ms,mn]=secondsAndNanos(r.mtimeNs),[cs,cn]=secondsAndNanos(r.ctimeNs),[bs,bn]=secondsAndNanos(r.birthtimeNs);
return new StatsCtor(r.dev,r.mode,r.nlink,r.uid,r.gid,r.rdev,r.blksize,r.ino,r.size,r.blocks,as,an,ms,mn,cs,cn,bs,bn)}return new StatsCtor(r.dev,r.mode,r.nlink,
r.uid,r.gid,r.rdev,r.blksize,r.ino,r.size,r.blocks,toMs(r.atimeNs),toMs(r.mtimeNs),toMs(r.ctimeNs),toMs(r.birthtimeNs))}function statRecordFromNode(s2){if(typeof s2.
dev=="bigint"){let b=s2;return{dev:Number(b.dev),ino:Number(b.ino),mode:Number(b.mode),nlink:Number(b.nlink),uid:Number(b.uid),gid:Number(b.gid),rdev:Number(b.rdev),
size:Number(b.size),blksize:Number(b.blksize),blocks:Number(b.blocks),atimeNs:b.atimeNs,mtimeNs:b.mtimeNs,ctimeNs:b.ctimeNs,birthtimeNs:b.birthtimeNs}}let n=s2,
ns=ms=>BigInt(Math.round(ms*1e6));return{dev:n.dev,ino:n.ino,mode:n.mode,nlink:n.nlink,uid:n.uid,gid:n.gid,rdev:n.rdev,size:n.size,blksize:n.blksize,blocks:n.blocks,
atimeNs:ns(n.atimeMs),mtimeNs:ns(n.mtimeMs),ctimeNs:ns(n.ctimeMs),birthtimeNs:ns(n.birthtimeMs)}}function ownWorkingDirectoryLink(realPath2,cwd){if(!realPath2.startsWith("/proc/")||!realPath2.endsWith("/cwd"))return;let match=/^\/proc\/(\d+)(?:\/task\/\d+)?\/cwd$/.
exec(realPath2);return match&&Number(match[1])===process.pid?cwd():void 0}var lstatSync=import_node_fs2.lstatSync,readdirSync=import_node_fs2.readdirSync,readlinkSync=import_node_fs2.readlinkSync,openSync=import_node_fs2.openSync,readSync=import_node_fs2.readSync,
closeSync=import_node_fs2.closeSync,fstatSync=import_node_fs2.fstatSync,realpathNative=import_node_fs2.realpathSync.native,{UV_DIRENT_FILE,UV_DIRENT_DIR,UV_DIRENT_LINK,
UV_DIRENT_FIFO,UV_DIRENT_SOCKET,UV_DIRENT_CHAR,UV_DIRENT_BLOCK}=import_node_fs2.constants;function onDisk(path2){return isWellFormed(path2)?path2:nameToBytes(path2)}
function mayHaveLostBytes(text2){return text2.includes("\uFFFD")}function direntType(d){return d.isFile()?UV_DIRENT_FILE:d.isDirectory()?UV_DIRENT_DIR:d.isSymbolicLink()?
UV_DIRENT_LINK:d.isFIFO()?UV_DIRENT_FIFO:d.isSocket()?UV_DIRENT_SOCKET:d.isCharacterDevice()?UV_DIRENT_CHAR:d.isBlockDevice()?UV_DIRENT_BLOCK:0}var O_NOATIME=import_node_fs2.constants.
O_NOATIME??0,noAtimeAvailable=O_NOATIME!==0;function openForRead(path2,extraFlags=0){let flags=import_node_fs2.constants.O_RDONLY|extraFlags,target=onDisk(path2);
if(noAtimeAvailable)try{return openSync(target,flags|O_NOATIME)}catch(error){if(error.code!=="EPERM")throw error}return openSync(target,flags)}var S_IFMT=import_node_fs2.constants.
S_IFMT,S_IFDIR=import_node_fs2.constants.S_IFDIR;function readFileNoFollow(path2){let fd;try{fd=openForRead(path2,import_node_fs2.constants.O_NOFOLLOW)}catch(error){
if(error.code==="ELOOP")return"symlink";throw error}try{let stat2=fstatSync(fd);return(stat2.mode&S_IFMT)===S_IFDIR?"directory":stat2.nlink>1?"linked":readAll(fd,
stat2.size)}finally{closeSync(fd)}}function readAll(fd,size){if(size>0){let buffer=Buffer.allocUnsafe(size),filled=0;for(;filled<size;){let n=readSync(fd,buffer,
filled,size-filled,null);if(n===0)break;filled+=n}return filled===size?buffer:buffer.subarray(0,filled)}let chunks=[];for(;;){let chunk=Buffer.allocUnsafe(8192),
n=readSync(fd,chunk,0,chunk.length,null);if(n===0)break;chunks.push(n===chunk.length?chunk:chunk.subarray(0,n))}return Buffer.concat(chunks)}function readWholeFile(path2){
let fd=openForRead(path2);try{return readAll(fd,fstatSync(fd).size)}finally{closeSync(fd)}}var TRY_LSTAT={bigint:!0,throwIfNoEntry:!1};function readDirectory(path2){
if(!isWellFormed(path2))return readDirectoryAsBytes(nameToBytes(path2));let dirents=readdirSync(path2,{withFileTypes:!0}),entries=new Array(dirents.length);for(let i=0;i<
dirents.length;i++){let d=dirents[i];if(mayHaveLostBytes(d.name))return readDirectoryAsBytes(path2);entries[i]={name:d.name,type:direntType(d)}}return entries}function readNames(path2){
return readDirectory(path2).map(entry=>entry.name)}function readDirectoryAsBytes(target){return readdirSync(target,{withFileTypes:!0,encoding:"buffer"}).map(d=>({
name:bytesToName(d.name),type:direntType(d)}))}function readLink(path2){let ownCwd=ownWorkingDirectoryLink(path2,()=>process.cwd());if(ownCwd!==void 0)return ownCwd;
let target=onDisk(path2),text2=readlinkSync(target,"utf8");return mayHaveLostBytes(text2)?bytesToName(readlinkSync(target,"buffer")):text2}function realPath(path2){
let target=onDisk(path2),text2=realpathNative(target,"utf8");return mayHaveLostBytes(text2)?bytesToName(realpathNative(target,"buffer")):text2}function createDiskLayer(){
return{lstat:path2=>statRecordFromNode(lstatSync(onDisk(path2),{bigint:!0})),tryLstat(path2){let s2=lstatSync(onDisk(path2),TRY_LSTAT);return s2===void 0?void 0:
statRecordFromNode(s2)},readdir:readDirectory,readlink:readLink,realpath:realPath,openForRead,read:(fd,buffer,offset,length,position)=>readSync(fd,buffer,offset,
length,position),close:fd=>closeSync(fd),readFile:readWholeFile,readFileNoFollow}}var import_node_fs3=require("node:fs");var hrtime=process.hrtime.bigint;function wallClockNs(){return BigInt(Date.now())*1000000n+hrtime()%1000000n}var import_node_util=require("node:util"),systemErrors,errnoByCode;function errnoOf(code){return errnoByCode===void 0&&(systemErrors??=(0,import_node_util.getSystemErrorMap)(),
errnoByCode=new Map([...systemErrors].map(([errno,[name2]])=>[name2,errno]))),errnoByCode.get(code)??0}function uvError(code,syscall,path2,dest){let errno=errnoOf(
code),description=systemErrors.get(errno)?.[1]??"unknown error",message=`${code}: ${description}, ${syscall}`;path2!==void 0&&(message+=` '${path2}'`),dest!==void 0&&
(message+=` -> '${dest}'`);let error=new Error(message);return error.errno=errno,error.code=code,error.syscall=syscall,path2!==void 0&&(error.path=path2),dest!==
void 0&&(error.dest=dest),error}function codeOf(error){let code=error?.code;return typeof code=="string"?code:void 0}var PAGE=4096,JOURNAL_HEADER_BYTES=256;function trackPages(inode,start,end){let first=Math.floor(start/PAGE),last=Math.floor((end-1)/PAGE);if(inode.pages===null){
let denseEnd=Math.ceil(Math.min(inode.writtenEnd,inode.size)/PAGE);if(first<=denseEnd)return;inode.pages=new Set;for(let p2=0;p2<denseEnd;p2++)inode.pages.add(p2)}
for(let p2=first;p2<=last;p2++)inode.pages.add(p2)}var ContentStore=class{constructor(lower,quota,guard){this.lower=lower;this.quota=quota;this.guard=guard}lower;quota;guard;used=0;onRefused;ensureRoom(inode,bytes,syscall,path2){
let held=inode===void 0?0:inode.held;if(bytes>held&&this.used+bytes-held>this.quota)throw this.onRefused?.(inode,bytes,path2,"quota"),uvError("ENOSPC",syscall)}journalBytes(inode,size,from){
let start=0;inode!==void 0&&inode.contentReported&&(start=Math.min(inode.changedFrom,from,size));let bytes=size-start;return bytes>0?bytes+JOURNAL_HEADER_BYTES:
0}unreported(inode){return inode.changedFrom===Number.POSITIVE_INFINITY?0:this.journalBytes(inode,inode.size,inode.changedFrom)}ensureJournalRoom(inode,size,from,syscall,path2){
if(this.guard===void 0)return;let bytes=inode!==void 0&&from>=inode.changedFrom&&size>=inode.size?size-inode.size:this.journalBytes(inode,size,from)-(inode===void 0?
0:this.unreported(inode));if(bytes>0&&!this.guard.admit(bytes))throw this.onRefused?.(inode,bytes,path2,"space"),uvError("ENOSPC",syscall)}setHeld(inode,bytes){
this.used+=bytes-inode.held,inode.held=bytes}materialize(inode,syscall){if(inode.contentFrom===null)return;let path2=inode.contentFrom,bytes=this.diskCall(()=>this.
lower.readFile(path2),syscall);inode.data=bytes,inode.size=bytes.length,inode.writtenEnd=bytes.length,inode.contentFrom=null,inode.pages=null,this.setHeld(inode,
bytes.length)}replace(inode,src,syscall,admitted=!1){this.ensureRoom(inode,src.byteLength,syscall),admitted||this.ensureJournalRoom(inode,src.byteLength,0,syscall),
inode.pages=null;let data=Buffer.allocUnsafe(src.byteLength);data.set(src),inode.data=data,inode.contentFrom=null,inode.changedFrom=0,inode.size=src.byteLength,
inode.writtenEnd=src.byteLength,this.setHeld(inode,src.byteLength)}write(inode,src,offset,length,position,syscall,admitted=!1){let end=position+length,base=inode.
contentFrom!==null?inode.size:inode.writtenEnd;this.ensureRoom(inode,Math.max(base,end),syscall),admitted||this.ensureJournalRoom(inode,Math.max(inode.size,end),
position,syscall),this.materialize(inode,syscall);let needed=Math.max(inode.writtenEnd,end),data=inode.data;if(data===null||data.length<needed){let grown=Buffer.
allocUnsafeSlow(Math.max(needed,data===null?0:data.length*2));data!==null&&data.copy(grown,0,0,inode.writtenEnd),inode.data=data=grown}position>inode.writtenEnd&&
data.fill(0,inode.writtenEnd,position),data.set(src.subarray(offset,offset+length),position),trackPages(inode,position,end),position<inode.changedFrom&&(inode.changedFrom=
position),inode.writtenEnd=needed,end>inode.size&&(inode.size=end),this.setHeld(inode,needed)}truncate(inode,length,syscall,admitted=!1){let diskBacked=length!==
0&&inode.contentFrom!==null;if(diskBacked&&this.ensureRoom(inode,Math.min(length,inode.size),syscall),!admitted&&length>0&&this.ensureJournalRoom(inode,length,Math.
min(length,inode.size),syscall),length<inode.changedFrom&&(inode.changedFrom=Math.min(length,inode.size)),!diskBacked){if(inode.contentFrom!==null&&(inode.contentFrom=
null),length<inode.writtenEnd&&(inode.writtenEnd=length,length===0&&(inode.data=null)),inode.pages!==null){let firstGone=Math.ceil(length/PAGE);for(let page of inode.
pages)page>=firstGone&&inode.pages.delete(page);length===0&&(inode.pages=null)}inode.size=length,this.setHeld(inode,inode.writtenEnd);return}let kept=Math.min(length,
inode.size);this.materialize(inode,syscall),inode.writtenEnd=kept,inode.size=length,this.setHeld(inode,kept)}read(inode,dst,offset,length,position){if(position>=
inode.size||length<=0)return 0;let n=Math.min(length,inode.size-position);if(inode.contentFrom!==null)return this.readFromDisk(inode.contentFrom,dst,offset,n,position);
let stored=Math.max(0,Math.min(inode.writtenEnd,position+n)-position);return stored>0&&dst.set(inode.data.subarray(position,position+stored),offset),stored<n&&dst.
fill(0,offset+stored,offset+n),n}readFromDisk(path2,dst,offset,length,position){let fd=this.diskCall(()=>this.lower.openForRead(path2),"read");try{return this.lower.
read(fd,dst,offset,length,position)}finally{this.lower.close(fd)}}diskCall(call,syscall,path2){try{return call()}catch(error){let code=error.code;throw typeof code==
"string"?uvError(code,syscall,path2):error}}view(inode,start){if(inode.contentFrom!==null)return;let end=Math.min(inode.writtenEnd,inode.size),from=Math.min(start,
end);return inode.data===null||from===end?new Uint8Array(0):inode.data.subarray(from,end)}readAll(inode,syscall="read",callerPath){if(inode.contentFrom!==null){
let path2=inode.contentFrom;return this.diskCall(()=>this.lower.readFile(path2),syscall,callerPath)}let out=Buffer.alloc(inode.size);return inode.data!==null&&inode.
data.copy(out,0,0,Math.min(inode.writtenEnd,inode.size)),out}release(inode){this.setHeld(inode,0),inode.data=null}};var Descriptor=class{constructor(inode,lowerNode,readable,writable,append){this.inode=inode;this.lowerNode=lowerNode;this.readable=readable;this.writable=writable;
this.append=append}inode;lowerNode;readable;writable;append;position=0;dirty=!1},DescriptorTable=class{open=new Map;next=1073741824;add(d){let fd=this.next;for(;this.
open.has(fd);)fd=fd===2147483647?1073741824:fd+1;return this.next=fd===2147483647?1073741824:fd+1,this.open.set(fd,d),fd}get(fd){return this.open.get(fd)}delete(fd){
this.open.delete(fd)}has(fd){return this.open.has(fd)}values(){return this.open.values()}};var S_IFMT2=61440,S_IFREG=32768,S_IFDIR2=16384,S_IFLNK=40960,S_ISUID=2048,S_ISGID=1024;var BLOCK_SIZE=4096,NEW_DIRECTORY_SIZE=4096,FAST_SYMLINK_MAX=60,Inode=class{dev;ino;mode;nlink;uid;gid;rdev=0;atimeNs;mtimeNs;ctimeNs;birthtimeNs;data=null;size=0;contentFrom=null;writtenEnd=0;diskBlocks=0;pages=null;entries=null;covered=null;lower=null;opaque=!1;revealed=null;target="";parent=null;name="";otherLinks=null;origin=null;originPath=null;contentChanged=!1;metadataChanged=!1;openCount=0;held=0;diskAliases=null;changedFrom=Number.
POSITIVE_INFINITY;contentReported=!1;unsavedReported=!1;constructor(dev,ino,mode,uid,gid,nowNs){this.dev=dev,this.ino=ino,this.mode=mode,this.uid=uid,this.gid=gid,
this.nlink=(mode&S_IFMT2)===S_IFDIR2?2:1,this.atimeNs=nowNs,this.mtimeNs=nowNs,this.ctimeNs=nowNs,this.birthtimeNs=nowNs,(mode&S_IFMT2)===S_IFDIR2&&(this.entries=
new Map,this.covered=new Set)}get isDirectory(){return(this.mode&S_IFMT2)===S_IFDIR2}get isFile(){return(this.mode&S_IFMT2)===S_IFREG}get isSymlink(){return(this.
mode&S_IFMT2)===S_IFLNK}addLink(dir,name2){this.parent===null?(this.parent=dir,this.name=name2):(this.otherLinks??=[]).push({dir,name:name2})}removeLink(dir,name2){
if(this.parent===dir&&this.name===name2){let next=this.otherLinks?.shift();this.parent=next?.dir??null,this.name=next?.name??""}else if(this.otherLinks!==null){
let i=this.otherLinks.findIndex(l=>l.dir===dir&&l.name===name2);i>=0&&this.otherLinks.splice(i,1)}this.otherLinks!==null&&this.otherLinks.length===0&&(this.otherLinks=
null)}stat(){let size,blocks,type=this.mode&S_IFMT2;return type===S_IFREG?(size=this.size,blocks=this.contentFrom!==null?this.diskBlocks:this.pages!==null?this.
pages.size*(BLOCK_SIZE/512):Math.ceil(Math.min(this.writtenEnd,this.size)/BLOCK_SIZE)*(BLOCK_SIZE/512)):type===S_IFLNK?(size=nameByteLength(this.target),blocks=
size<FAST_SYMLINK_MAX?0:BLOCK_SIZE/512):type===S_IFDIR2?(size=this.origin?.size??NEW_DIRECTORY_SIZE,blocks=this.origin?.blocks??NEW_DIRECTORY_SIZE/512):(size=this.
origin?.size??0,blocks=this.origin?.blocks??0),{dev:this.dev,ino:this.ino,mode:this.mode,nlink:this.nlink,uid:this.uid,gid:this.gid,rdev:this.rdev,size,blksize:BLOCK_SIZE,
blocks,atimeNs:this.atimeNs,mtimeNs:this.mtimeNs,ctimeNs:this.ctimeNs,birthtimeNs:this.birthtimeNs}}},LowerNode=class{constructor(parent,name2,path2,stat2,shortcut=!1){
this.parent=parent;this.name=name2;this.path=path2;this.stat=stat2;this.shortcut=shortcut}parent;name;path;stat;shortcut;get isDirectory(){return(this.stat.mode&
S_IFMT2)===S_IFDIR2}get isFile(){return(this.stat.mode&S_IFMT2)===S_IFREG}get isSymlink(){return(this.stat.mode&S_IFMT2)===S_IFLNK}};function modeOf(node){return node instanceof
Inode?node.mode:node.stat.mode}function isDirectory(node){return(modeOf(node)&S_IFMT2)===S_IFDIR2}function isSymlink(node){return(modeOf(node)&S_IFMT2)===S_IFLNK}
function statOf(node){return node instanceof Inode?node.stat():node.stat}var R_OK=4,W_OK=2,X_OK=1;function inGroup(identity,gid){return identity.gid===gid||identity.groups.includes(gid)}function mayAccess(identity,node,want){if(identity.
uid===0)return(want&X_OK)===0?!0:(node.mode&S_IFMT2)===S_IFDIR2||(node.mode&73)!==0;let bits;return identity.uid===node.uid?bits=node.mode>>6&7:inGroup(identity,
node.gid)?bits=node.mode>>3&7:bits=node.mode&7,(bits&want)===want}function mayRemoveFrom(identity,dir,child){return identity.uid===0||(dir.mode&512)===0?!0:identity.
uid===child.uid||identity.uid===dir.uid}function isOwnerOrRoot(identity,node){return identity.uid===0||identity.uid===node.uid}var MAX_SYMLINK_HOPS=40,NAME_MAX=255,PATH_MAX=4096,PLAIN_DIRS_MAX=5e4,MergedTree=class{constructor(lower,identity,cwd){this.lower=lower;this.identity=identity;this.
cwd=cwd;let rootStat=lower.lstat("/");this.root=this.inodeFromDisk(rootStat,"/"),this.root.parent=this.root}lower;identity;cwd;root;upperByDiskIno=new Map;realDirs=new Map;nextIno=2**
40;allocateIno(){return this.nextIno++}tryLstat(path2){if(this.lower.tryLstat)return this.lower.tryLstat(path2);try{return this.lower.lstat(path2)}catch(error){
let code=error.code;if(code==="ENOENT"||code==="ENOTDIR")return;throw error}}child(dir,name2){let diskPath;if(dir instanceof Inode){let entry=dir.entries.get(name2);
if(entry!==void 0)return entry??void 0;if(dir.revealed!==null&&dir.revealed.has(name2))diskPath=this.entryPath(dir,name2);else{if(dir.lower===null)return;diskPath=
dir.lower==="/"?"/"+name2:dir.lower+"/"+name2}}else diskPath=dir.path==="/"?"/"+name2:dir.path+"/"+name2;let stat2=this.tryLstat(diskPath);if(stat2!==void 0)return this.
diskNode(dir,name2,diskPath,stat2)}diskNode(dir,name2,diskPath,stat2){if(this.upperByDiskIno.size!==0&&(stat2.mode&S_IFMT2)!==S_IFDIR2){let upper=this.upperByDiskIno.
get(stat2.ino);if(upper!==void 0&&upper.dev===stat2.dev&&stat2.nlink>1)return this.noteAlias(upper,dir,name2),upper}return new LowerNode(dir,name2,diskPath,stat2)}noteAlias(inode,dir,name2){
let path2=this.entryPath(dir,name2);if(this.pathOf(inode)===path2)return;let aliases=inode.diskAliases??=[];aliases.includes(path2)||aliases.push(path2)}findSiblingLinks(inode,node){
let slash=node.path.lastIndexOf("/"),diskDir=slash<=0?"/":node.path.slice(0,slash),entries;try{entries=this.lower.readdir(diskDir)}catch{return}if(!(entries.length>
5e3))for(let e of entries){if(e.name===node.name||e.type!==1)continue;let stat2=this.tryLstat(joinPath(diskDir,e.name));stat2!==void 0&&stat2.ino===node.stat.ino&&
stat2.dev===node.stat.dev&&this.noteAlias(inode,node.parent,e.name)}}*hardLinkedCopies(){for(let inode of this.upperByDiskIno.values())inode.diskAliases!==null&&
(yield inode)}upperOfDisk(stat2){let upper=this.upperByDiskIno.get(stat2.ino);return upper!==void 0&&upper.dev===stat2.dev?upper:void 0}parentOf(node){return node instanceof
LowerNode?node.parent:node.parent??this.root}walk(path2,options){if(path2.length>=PATH_MAX)return"ENAMETOOLONG";let absolute=path2.charCodeAt(0)===47?path2:this.
cwd()+"/"+path2,trailingSlash=path2.length>1&&path2.charCodeAt(path2.length-1)===47,pending=componentsReversed(absolute),dir=this.root,hops=0,checkSearch=this.identity.
uid!==0;for(;pending.length>0;){let name2=pending.pop(),last=pending.length===0;if(checkSearch&&!mayAccess(this.identity,statLike(dir),X_OK))return"EACCES";if(name2===
"."||name2===".."){if(name2===".."&&(dir=this.parentOf(dir)),last)return{dir,name:".",node:dir,trailingSlash};continue}if(name2.length>NAME_MAX&&Buffer.byteLength(
name2)>NAME_MAX)return"ENAMETOOLONG";if(options.readOnly&&dir instanceof Inode&&!trailingSlash){let fast=this.fastDiskLookup(dir,name2,pending,options.followLast);
if(fast!==void 0)return fast}let node;try{node=this.child(dir,name2)}catch(error){let code=error.code;if(typeof code=="string")return code;throw error}if(node===
void 0)return last?{dir,name:name2,node:void 0,trailingSlash}:"ENOENT";let type=(node instanceof Inode?node.mode:node.stat.mode)&S_IFMT2;if(type===S_IFLNK&&(!last||
options.followLast||trailingSlash&&options.create!==!0)){if(++hops>MAX_SYMLINK_HOPS)return"ELOOP";let target=node instanceof Inode?node.target:this.lower.readlink(
node.path);if(target.length===0)return"ENOENT";let parts=target.split("/");for(let i=parts.length-1;i>=0;i--)parts[i]!==""&&pending.push(parts[i]);if(target.charCodeAt(
0)===47&&(dir=this.root),pending.length===0)return{dir:this.root,name:".",node:this.root,trailingSlash};continue}if(last)return trailingSlash&&type!==S_IFDIR2&&
options.create!==!0?"ENOTDIR":{dir,name:name2,node,trailingSlash};if(type!==S_IFDIR2)return"ENOTDIR";dir=node}return{dir:this.root,name:".",node:this.root,trailingSlash}}fastDiskPath(path2,throughDiskSymlinks,symlinksFollowed=0){
if(this.lower.realpath===void 0||path2.length>=PATH_MAX)return;let absolute=path2.charCodeAt(0)===47?path2:this.cwd()+"/"+path2;if(absolute.charCodeAt(absolute.
length-1)===47)return;let parts=componentsReversed(absolute),dir=this.root,checkSearch=this.identity.uid!==0;for(;parts.length>0;){let name2=parts.pop();if(name2===
"."||name2===".."||checkSearch&&!mayAccess(this.identity,dir,X_OK))return;let entry=dir.entries.get(name2);if(entry===null)return;if(entry!==void 0){if(!entry.isDirectory)
return;dir=entry;continue}if(dir.lower===null||dir.revealed!==null&&dir.revealed.has(name2))return;let diskPath=dir.lower==="/"?"/"+name2:dir.lower+"/"+name2;if(parts.
length===0)return diskPath;for(let i=parts.length-1;i>=1;i--){let c2=parts[i];if(c2==="."||c2==="..")return;diskPath+="/"+c2}let last=parts[0];if(last==="."||last===
".."||last.length>NAME_MAX)return;let real=this.realDiskDir(diskPath);return real===diskPath?diskPath+"/"+last:real===void 0||!throughDiskSymlinks||symlinksFollowed>
0?void 0:this.fastDiskPath(real==="/"?"/"+last:real+"/"+last,!0,symlinksFollowed+1)}}isPlainDiskDir(diskPath){return this.realDiskDir(diskPath)===diskPath}realDiskDir(diskPath){
let real=this.realDirs.get(diskPath);if(real!==void 0)return real;try{real=this.lower.realpath(diskPath)}catch{return}return this.realDirs.size>=PLAIN_DIRS_MAX&&
this.realDirs.clear(),this.realDirs.set(diskPath,real),real}fastDiskLookup(dir,name2,pending,followLast){if(dir.lower===null||dir.entries.has(name2)||this.lower.
realpath===void 0)return;for(let i=0;i<pending.length;i++){let c2=pending[i];if(c2==="."||c2===".."||c2.length>NAME_MAX)return}if(pending.length===0)return;let parentDisk=dir.
lower==="/"?"/"+name2:dir.lower+"/"+name2;for(let i=pending.length-1;i>=1;i--)parentDisk+="/"+pending[i];if(!this.isPlainDiskDir(parentDisk))return;let finalName=pending[0],
diskPath=parentDisk+"/"+finalName,stat2;try{stat2=this.tryLstat(diskPath)}catch{return}if(stat2!==void 0&&followLast&&(stat2.mode&S_IFMT2)===S_IFLNK)return;let relative=parentDisk.
slice((dir.lower==="/"?0:dir.lower.length)+1),parent=new LowerNode(dir,relative,parentDisk,UNREAD_DIRECTORY,!0);return pending.length=0,{dir:parent,name:finalName,
node:stat2===void 0?void 0:this.diskNode(parent,finalName,diskPath,stat2),trailingSlash:!1}}inodeFromDisk(stat2,diskPath){let inode=new Inode(stat2.dev,stat2.ino,
stat2.mode,stat2.uid,stat2.gid,stat2.mtimeNs);inode.nlink=stat2.nlink,inode.rdev=stat2.rdev,inode.atimeNs=stat2.atimeNs,inode.ctimeNs=stat2.ctimeNs,inode.birthtimeNs=
stat2.birthtimeNs,inode.origin=stat2,inode.originPath=diskPath;let type=stat2.mode&S_IFMT2;return type===S_IFDIR2?inode.lower=diskPath:type===S_IFREG?(inode.size=
stat2.size,inode.writtenEnd=stat2.size,inode.diskBlocks=stat2.blocks,inode.contentFrom=stat2.size>0?diskPath:null):type===S_IFLNK&&(inode.target=this.lower.readlink(
diskPath)),inode}toUpper(node){if(node instanceof Inode)return node;let parent=this.toUpper(node.parent),existing=parent.entries.get(node.name);if(existing)return existing;
let inode=(node.stat.mode&S_IFMT2)===S_IFDIR2?void 0:this.upperOfDisk(node.stat);return inode===void 0&&(inode=this.inodeFromDisk(node.stat,node.path),this.upperByDiskIno.
set(inode.ino,inode),node.stat.nlink>1&&(node.stat.mode&S_IFMT2)===S_IFREG&&this.findSiblingLinks(inode,node)),this.setEntry(parent,node.name,inode,!0),inode}settle(node){
if(!(node.parent instanceof LowerNode)||!node.parent.shortcut)return node;let shortcut=node.parent,current=shortcut.parent;for(let name2 of[...shortcut.name.split(
"/"),node.name]){let next=this.child(current,name2);if(next===void 0)return;current=next}let stat2=current instanceof Inode?current:current.stat;return stat2.ino===
node.stat.ino&&stat2.dev===node.stat.dev?current:void 0}copyUpNameless(node){let inode=this.inodeFromDisk(node.stat,node.path);return this.upperByDiskIno.set(inode.
ino,inode),inode}toUpperDir(dir){return this.toUpper(dir)}setEntry(dir,name2,inode,coversDisk){let entries=dir.entries;(coversDisk||entries.get(name2)===null)&&
dir.covered.add(name2),entries.set(name2,inode),inode.addLink(dir,name2)}removeEntry(dir,name2){let entries=dir.entries,inode=entries.get(name2);inode&&inode.removeLink(
dir,name2),dir.covered.has(name2)?entries.set(name2,null):entries.delete(name2)}hideDiskEntry(dir,node){return dir.entries.set(node.name,null),dir.covered.add(node.
name),this.orphanDiskFile(node)}orphanDiskFile(node){let stat2=node.stat;if((stat2.mode&S_IFMT2)!==S_IFREG)return;let inode=this.inodeFromDisk(stat2,node.path);
return inode.nlink=stat2.nlink-1,this.upperByDiskIno.set(inode.ino,inode),inode}pathOf(node){if(node===this.root)return"/";if(node instanceof LowerNode){let parent2=this.
pathOf(node.parent);return parent2===void 0?void 0:joinPath(parent2,node.name)}if(node.parent===null)return;let parent=this.pathOf(node.parent);return parent===
void 0?void 0:joinPath(parent,node.name)}entryPath(dir,name2){return joinPath(this.pathOf(dir)??"/",name2)}list(dir){let out=[];if(dir instanceof LowerNode){for(let e of this.
lower.readdir(dir.path))out.push({name:e.name,node:void 0,type:e.type});return out}let entries=dir.entries,seen=dir.lower!==null&&entries.size!==0?new Set:void 0;
if(dir.lower!==null)for(let e of this.lower.readdir(dir.lower)){let upper=entries.get(e.name);upper!==null&&(upper!==void 0?(seen.add(e.name),out.push({name:e.name,
node:upper,type:direntTypeOf(upper.mode)})):out.push({name:e.name,node:void 0,type:e.type}))}for(let[name2,upper]of entries)upper===null||seen?.has(name2)||out.
push({name:name2,node:upper,type:direntTypeOf(upper.mode)});return dir.revealed!==null&&this.listRevealed(dir,out),out}listRevealed(dir,out){let listed=new Set(
out.map(e=>e.name));for(let name2 of dir.revealed){if(listed.has(name2)||dir.entries.has(name2))continue;let stat2=this.tryLstat(this.entryPath(dir,name2));stat2!==
void 0&&out.push({name:name2,node:void 0,type:direntTypeOf(stat2.mode)})}}forgetDiskShapes(){this.realDirs.clear()}},UNREAD_DIRECTORY={dev:0,ino:0,mode:S_IFDIR2|
493,nlink:2,uid:0,gid:0,rdev:0,size:0,blksize:4096,blocks:0,atimeNs:0n,mtimeNs:0n,ctimeNs:0n,birthtimeNs:0n};function componentsReversed(path2){let out=[],end=path2.
length;for(let i=path2.length-1;i>=-1;i--)(i===-1||path2.charCodeAt(i)===47)&&(end>i+1&&out.push(path2.slice(i+1,end)),end=i);return out}function joinPath(dir,name2){
return name2==="."||name2===""?dir:dir==="/"?"/"+name2:dir+"/"+name2}function statLike(node){return node instanceof Inode?node:node.stat}function direntTypeOf(mode){
switch(mode&S_IFMT2){case S_IFREG:return 1;case S_IFDIR2:return 2;case S_IFLNK:return 3;case 4096:return 4;case 49152:return 5;case 8192:return 6;case 24576:return 7;default:
return 0}}function kindOf(mode){switch(mode&S_IFMT2){case S_IFREG:return"file";case S_IFDIR2:return"directory";case S_IFLNK:return"symlink";default:return"other"}}function computeChangeSet(tree,contents){
let out=[],lower=tree.lower,diskStat=path2=>{if(lower.tryLstat)return lower.tryLstat(path2);try{return lower.lstat(path2)}catch{return}},fromInode=(inode,path2,change,contentChanged,metadataChanged)=>{
let stat2=inode.stat(),entry={path:path2,change,contentChanged,metadataChanged,type:kindOf(stat2.mode),mode:stat2.mode,size:stat2.size,ino:stat2.ino,uid:stat2.uid,
gid:stat2.gid,mtimeNs:stat2.mtimeNs};return inode.isFile?entry.content=contents.readAll(inode):inode.isSymlink&&(entry.target=inode.target),entry},fromDisk=(stat2,diskPath,path2,change)=>{
let entry={path:path2,change,contentChanged:!1,metadataChanged:!1,type:kindOf(stat2.mode),mode:stat2.mode,size:stat2.size,ino:stat2.ino,uid:stat2.uid,gid:stat2.
gid,mtimeNs:stat2.mtimeNs};return change!=="deleted"&&((stat2.mode&S_IFMT2)===S_IFREG?entry.content=lower.readFile(diskPath):(stat2.mode&S_IFMT2)===S_IFLNK&&(entry.
target=lower.readlink(diskPath))),entry},diskSubtreeCreated=(diskDir,path2)=>{for(let e of lower.readdir(diskDir)){let diskPath=joinPath(diskDir,e.name),stat2=diskStat(
diskPath);stat2!==void 0&&(out.push(fromDisk(stat2,diskPath,joinPath(path2,e.name),"created")),(stat2.mode&S_IFMT2)===S_IFDIR2&&diskSubtreeCreated(diskPath,joinPath(
path2,e.name)))}},pushIfModified=(entry,path2,before2)=>{let sameInode=entry.originPath===path2&&entry.ino===before2.ino&&entry.dev===before2.dev,sameType=(entry.
mode&S_IFMT2)===(before2.mode&S_IFMT2),contentChanged;sameType?entry.isFile?contentChanged=entry.contentFrom===path2||sameInode&&!entry.contentChanged?!1:!contents.
readAll(entry).equals(lower.readFile(path2)):entry.isSymlink?contentChanged=entry.target!==lower.readlink(path2):contentChanged=!1:contentChanged=!0;let metadataChanged=entry.
mode!==before2.mode||entry.uid!==before2.uid||entry.gid!==before2.gid||entry.metadataChanged&&(entry.mtimeNs!==before2.mtimeNs||entry.atimeNs!==before2.atimeNs);
(contentChanged||metadataChanged)&&out.push(fromInode(entry,path2,"modified",contentChanged,metadataChanged))},visit=(dir,path2,diskIsDir)=>{let entries=dir.entries,
inPlace=dir.lower===path2;if(dir.lower!==null&&!inPlace)for(let e of lower.readdir(dir.lower)){if(entries.has(e.name))continue;let diskPath=joinPath(dir.lower,e.
name),stat2=diskStat(diskPath);stat2!==void 0&&(out.push(fromDisk(stat2,diskPath,joinPath(path2,e.name),"created")),(stat2.mode&S_IFMT2)===S_IFDIR2&&diskSubtreeCreated(
diskPath,joinPath(path2,e.name)))}if(diskIsDir&&!inPlace){let shown=dir.lower!==null?new Set(lower.readdir(dir.lower).map(e=>e.name)):void 0;for(let e of lower.
readdir(path2)){if(entries.has(e.name)||shown?.has(e.name))continue;let stat2=diskStat(joinPath(path2,e.name));stat2!==void 0&&out.push(fromDisk(stat2,joinPath(
path2,e.name),joinPath(path2,e.name),"deleted"))}}for(let[name2,entry]of entries){let childPath=joinPath(path2,name2),before2=diskIsDir&&(!inPlace||dir.covered.
has(name2))?diskStat(childPath):void 0;if(entry===null){before2!==void 0&&out.push(fromDisk(before2,childPath,childPath,"deleted"));continue}before2===void 0?out.
push(fromInode(entry,childPath,"created",!1,!1)):pushIfModified(entry,childPath,before2),entry.isDirectory&&visit(entry,childPath,before2!==void 0&&(before2.mode&
S_IFMT2)===S_IFDIR2)}};visit(tree.root,"/",!0);let listed=new Set(out.map(e=>e.path));for(let inode of tree.hardLinkedCopies())for(let alias of inode.diskAliases){
if(listed.has(alias))continue;let found=tree.walk(alias,{followLast:!1,readOnly:!1}),before2=diskStat(alias);typeof found=="string"||found.node!==inode||before2===
void 0||(pushIfModified(inode,alias,before2),listed.add(alias))}return out.sort((a,b)=>a.path<b.path?-1:a.path>b.path?1:0),out}var{O_WRONLY,O_RDWR,O_CREAT,O_EXCL,O_TRUNC,O_APPEND,O_DIRECTORY,O_NOFOLLOW}=import_node_fs3.constants,O_ACCMODE=3,COPYFILE_EXCL=import_node_fs3.constants.COPYFILE_EXCL,
COPYFILE_FICLONE_FORCE=import_node_fs3.constants.COPYFILE_FICLONE_FORCE,COPYFILE_COPIES_TIMES=libuvAtLeast(1,48),TEMP_CHARS="abcdefghijklmnopqrstuvwxyzABCDEFGHI\
JKLMNOPQRSTUVWXYZ0123456789";function processIdentity(){return typeof process.getuid!="function"?{uid:0,gid:0,groups:[]}:{uid:process.getuid(),gid:process.getgid(),
groups:process.getgroups?.()??[]}}function sameNode(a,b){return a===b?!0:a instanceof LowerNode&&b instanceof LowerNode&&a.stat.ino===b.stat.ino&&a.stat.dev===b.
stat.dev}var Overlay=class{tree;contents;fds=new DescriptorTable;identity;diskEnforcesIdentity;umask;cwd;now;observer;removedSoFar=null;byIno=new Map;constructor(options){
let processOwn=processIdentity();this.identity=options.identity??processOwn,this.diskEnforcesIdentity=options.lower.readFileNoFollow!==void 0&&this.identity.uid===
processOwn.uid&&this.identity.gid===processOwn.gid,this.umask=options.umask??(()=>process.umask()),this.now=options.now??wallClockNs,this.observer=options.observer,
this.cwd=options.cwd??(()=>process.cwd()),this.tree=new MergedTree(options.lower,this.identity,this.cwd),this.contents=new ContentStore(options.lower,options.quotaBytes??
Number.POSITIVE_INFINITY,options.spaceGuard),this.observer!==void 0&&(this.contents.onRefused=(inode,requestedBytes,path2,by)=>{let where=inode===void 0?path2:this.
tree.pathOf(inode);by==="quota"?this.emitQuotaRefusal(where,requestedBytes):this.emitSpaceRefusal(where,requestedBytes)})}lookup(path2,followLast,readOnly,syscall,errorPath=path2,dest){
let found=this.tree.walk(path2,{followLast,readOnly});if(typeof found=="string")throw uvError(found,syscall,errorPath,dest);return found}lookupToCreate(path2,syscall,errorPath=path2,dest){
let found=this.tree.walk(path2,{followLast:!1,readOnly:!1,create:!0});if(typeof found=="string")throw uvError(found,syscall,errorPath,dest);return found}lookupCreateFollowing(path2,syscall){
return path2.length>1&&path2.charCodeAt(path2.length-1)===47?this.lookupToCreate(path2,syscall):this.lookup(path2,!0,!1,syscall)}existing(path2,followLast,syscall){
let found=this.lookup(path2,followLast,!0,syscall);if(found.node===void 0)throw uvError("ENOENT",syscall,path2);return found.node}owned(node){return node instanceof
Inode?node:node.stat}upper(node){let inode=this.tree.toUpper(node);return this.byIno.set(inode.ino,inode),inode}emit(change){this.observer?.onChange(change)}emitQuotaRefusal(path2,requestedBytes){
this.observer?.onChange({kind:"quota-exceeded",path:path2??"",requestedBytes,quotaBytes:this.quotaBytes()})}emitSpaceRefusal(path2,requestedBytes){this.observer?.
onChange({kind:"space-refused",path:path2??"",requestedBytes})}absolutePath(path2){return path2.charCodeAt(0)===47?path2:joinPath(this.cwd(),path2)}emitContent(inode){
if(this.observer===void 0)return;let path2=this.tree.pathOf(inode);if(path2===void 0)return;let unchangedPrefix=inode.contentReported?Math.min(inode.changedFrom,
inode.size):0;inode.contentReported=!0,inode.unsavedReported=!1,inode.changedFrom=Number.POSITIVE_INFINITY,unchangedPrefix>0?this.observer.onChange({kind:"conte\
nt",path:path2,ino:inode.ino,unchangedPrefix}):this.observer.onChange({kind:"content",path:path2,ino:inode.ino})}markDirty(d,inode){if(d.dirty=!0,inode.unsavedReported||
this.observer===void 0)return;inode.unsavedReported=!0;let path2=this.tree.pathOf(inode);path2!==void 0&&this.observer.onChange({kind:"unsaved",path:path2,ino:inode.
ino})}emitMetadata(inode){if(this.observer===void 0)return;let path2=this.tree.pathOf(inode);path2!==void 0&&this.observer.onChange({kind:"metadata",path:path2})}entryPath(lookup){
return this.tree.entryPath(lookup.dir,lookup.name)}mayChangeEntries(dir){return this.identity.uid===0||mayAccess(this.identity,this.owned(dir),W_OK|X_OK)}touch(inode,t){
inode.mtimeNs=t,inode.ctimeNs=t}newInode(parent,mode,t){let groupFromDir=(parent.mode&S_ISGID)!==0;groupFromDir&&(mode&S_IFMT2)===S_IFDIR2&&(mode|=S_ISGID);let inode=new Inode(
parent.dev,this.tree.allocateIno(),mode,this.identity.uid,groupFromDir?parent.gid:this.identity.gid,t);return this.byIno.set(inode.ino,inode),inode}dropLink(inode,t){
inode.isDirectory?inode.nlink=0:inode.nlink>0&&inode.nlink--,inode.ctimeNs=t,inode.nlink===0&&inode.openCount===0&&this.forget(inode)}forget(inode){this.contents.
release(inode),this.byIno.get(inode.ino)===inode&&this.byIno.delete(inode.ino)}detach(dir,name2,node,t){let entry=dir.entries.get(name2);if(entry!=null&&entry===
node)this.tree.removeEntry(dir,name2);else if(node instanceof LowerNode){let orphan=this.tree.hideDiskEntry(dir,node);orphan!==void 0&&(orphan.ctimeNs=t)}else dir.
entries.set(name2,null),dir.covered.add(name2)}isEmptyDir(node){if(node instanceof LowerNode)return this.tree.lower.readdir(node.path).length===0;for(let entry of node.
entries.values())if(entry!==null)return!1;if(node.revealed!==null){for(let name2 of node.revealed)if(!node.entries.has(name2)&&this.tree.tryLstat(this.tree.entryPath(
node,name2))!==void 0)return!1}if(node.lower===null||node.opaque)return!0;for(let e of this.tree.lower.readdir(node.lower))if(node.entries.get(e.name)!==null)return!1;
return!0}descriptor(fd,syscall){let d=this.fds.get(fd);if(d===void 0)throw uvError("EBADF",syscall);return d}currentInode(d){if(d.inode!==null)return d.inode;let copied=this.
tree.upperOfDisk(d.lowerNode.stat);return copied!==void 0&&(d.inode=copied,copied.openCount++),copied}open(path2,flags,mode=438){let{inode,lowerNode,created,truncated}=this.
openNode(path2,flags,mode,"open"),access2=flags&O_ACCMODE,d=new Descriptor(inode,lowerNode,access2!==O_WRONLY,access2===O_WRONLY||access2===O_RDWR,(flags&O_APPEND)!==
0);return inode!==null&&(inode.openCount++,(created||truncated)&&this.markDirty(d,inode)),this.fds.add(d)}openNode(path2,flags,mode,syscall,beforeChange){let access2=flags&
O_ACCMODE,create=(flags&O_CREAT)!==0;if(create&&(flags&O_DIRECTORY)!==0)throw uvError("EINVAL",syscall,path2);let exclusive=create&&(flags&O_EXCL)!==0,truncate2=(flags&
O_TRUNC)!==0,writes=access2===O_WRONLY||access2===O_RDWR||truncate2,follow=(flags&O_NOFOLLOW)===0&&!exclusive,found=create&&!exclusive&&follow?this.lookupCreateFollowing(
path2,syscall):create?this.lookupToCreate(path2,syscall):this.lookup(path2,follow,!writes,syscall);if(create&&found.trailingSlash)throw uvError("EISDIR",syscall,
path2);let node=found.node;if(node===void 0){if(!create)throw uvError("ENOENT",syscall,path2);if(!this.mayChangeEntries(found.dir))throw uvError("EACCES",syscall,
path2);beforeChange?.(void 0);let t=this.now(),parent=this.upper(found.dir),inode2=this.newInode(parent,S_IFREG|mode&~this.umask()&4095,t);return this.tree.setEntry(
parent,found.name,inode2,!1),this.touch(parent,t),{inode:inode2,lowerNode:null,created:!0,truncated:!1}}if(exclusive)throw uvError("EEXIST",syscall,path2);let type=modeOf(
node)&S_IFMT2;if(type===S_IFLNK)throw uvError("ELOOP",syscall,path2);if(type===S_IFDIR2){if(create||writes)throw uvError("EISDIR",syscall,path2)}else if((flags&
O_DIRECTORY)!==0)throw uvError("ENOTDIR",syscall,path2);let want=(access2!==O_WRONLY?R_OK:0)|(writes?W_OK:0);if(!mayAccess(this.identity,this.owned(node),want))
throw uvError("EACCES",syscall,path2);if(!writes)return node instanceof Inode?{inode:node,lowerNode:null,created:!1,truncated:!1}:{inode:null,lowerNode:node,created:!1,
truncated:!1};beforeChange?.(node);let inode=this.upper(node);return truncate2&&type===S_IFREG?(this.contents.truncate(inode,0,syscall),this.touch(inode,this.now()),
this.dropPrivileges(inode),inode.contentChanged=!0,{inode,lowerNode:null,created:!1,truncated:!0}):{inode,lowerNode:null,created:!1,truncated:!1}}close(fd){let d=this.
descriptor(fd,"close");this.fds.delete(fd);let inode=d.inode;inode!==null&&(d.dirty&&this.emitContent(inode),inode.openCount--,inode.openCount===0&&inode.nlink===
0&&this.forget(inode))}read(fd,buffer,offset,length,position){let d=this.descriptor(fd,"read");if(!d.readable)throw uvError("EBADF","read");let inode=this.currentInode(
d),useCurrent=position===null||position<0,at=useCurrent?d.position:position,n;if(inode!==void 0){if(inode.isDirectory)throw uvError("EISDIR","read");n=this.contents.
read(inode,buffer,offset,length,at)}else{let lower=d.lowerNode;if(lower.isDirectory)throw uvError("EISDIR","read");n=this.readDisk(lower.path,buffer,offset,length,
at)}return useCurrent&&(d.position+=n),n}readDisk(path2,buffer,offset,length,position){let disk=this.tree.lower,fd=disk.openForRead(path2);try{return disk.read(
fd,buffer,offset,length,position)}finally{disk.close(fd)}}write(fd,buffer,offset,length,position){let d=this.descriptor(fd,"write");if(!d.writable)throw uvError(
"EBADF","write");let inode=d.inode,useCurrent=position===null||position<0,at=d.append?inode.size:useCurrent?d.position:position;return length===0?0:(this.contents.
write(inode,buffer,offset,length,at,"write"),useCurrent&&(d.position=at+length),this.touch(inode,this.now()),this.dropPrivileges(inode),inode.contentChanged=!0,
this.markDirty(d,inode),length)}dropPrivileges(inode){this.identity.uid===0||(inode.mode&(S_ISUID|S_ISGID))===0||(inode.mode&=~S_ISUID,(inode.mode&8)!==0&&(inode.
mode&=~S_ISGID))}fstat(fd){let d=this.descriptor(fd,"fstat"),inode=this.currentInode(d);return inode!==void 0?inode.stat():d.lowerNode.stat}ftruncate(fd,length){
let d=this.descriptor(fd,"ftruncate"),inode=d.inode;if(!d.writable||inode===null||!inode.isFile)throw uvError("EINVAL","ftruncate");if(length<0)throw uvError("E\
INVAL","ftruncate");this.contents.truncate(inode,length,"ftruncate"),this.touch(inode,this.now()),this.dropPrivileges(inode),inode.contentChanged=!0,this.markDirty(
d,inode)}fsync(fd){this.sync(fd,"fsync")}fdatasync(fd){this.sync(fd,"fdatasync")}sync(fd,syscall){let d=this.descriptor(fd,syscall);d.dirty&&d.inode!==null&&(d.
dirty=!1,this.emitContent(d.inode))}descriptorInode(d){let current=this.currentInode(d);if(current!==void 0)return current;let settled=this.tree.settle(d.lowerNode),
inode=settled!==void 0?this.upper(settled):this.tree.copyUpNameless(d.lowerNode);return this.byIno.set(inode.ino,inode),d.inode=inode,inode.openCount++,inode}fchmod(fd,mode){
let d=this.descriptor(fd,"fchmod"),node=this.currentInode(d)??d.lowerNode;if(!isOwnerOrRoot(this.identity,this.owned(node)))throw uvError("EPERM","fchmod");this.
changeMode(this.descriptorInode(d),mode)}fchown(fd,uid,gid){let d=this.descriptor(fd,"fchown"),node=this.currentInode(d)??d.lowerNode;this.checkChown(node,uid,gid,
"fchown",void 0),this.changeOwner(this.descriptorInode(d),uid,gid)}futimes(fd,atimeNs,mtimeNs){let d=this.descriptor(fd,"futime"),node=this.currentInode(d)??d.lowerNode;
if(!isOwnerOrRoot(this.identity,this.owned(node)))throw uvError("EPERM","futime");this.changeTimes(this.descriptorInode(d),atimeNs,mtimeNs)}reveal(paths){this.tree.
forgetDiskShapes();for(let{path:path2,shallow}of paths)this.revealOne(path2,shallow)}revealOne(path2,shallow){let names=path2.split("/").filter(name2=>name2!==""),
dir=this.tree.root;for(let i=0;i<names.length;i++){let name2=names[i],entry=dir.entries.get(name2);if(entry!=null&&entry.isDirectory&&i<names.length-1){dir=entry;
continue}if(shallow&&entry!=null&&entry.isDirectory)return;entry!==void 0&&(entry!==null&&this.releaseTree(dir,name2,entry),dir.entries.delete(name2),dir.covered.
delete(name2)),(dir.revealed??=new Set).add(name2);return}}releaseTree(dir,name2,inode){let t=this.now();if(inode.isDirectory)for(let[childName,child]of inode.entries)
child!==null&&this.releaseTree(inode,childName,child);inode.removeLink(dir,name2),this.dropLink(inode,t)}isOverlayFd(fd){return this.fds.has(fd)}stat(path2){return this.
statUntouched(path2,!0)??statOf(this.existing(path2,!0,"stat"))}lstat(path2){return this.statUntouched(path2,!1)??statOf(this.existing(path2,!1,"lstat"))}statUntouched(path2,follow,throughDiskSymlinks=!0){
if(!this.diskEnforcesIdentity)return;let diskPath=this.tree.fastDiskPath(path2,throughDiskSymlinks);if(diskPath===void 0)return;let stat2;try{stat2=this.tree.tryLstat(
diskPath)}catch{return}if(stat2===void 0)return null;if(!(follow&&(stat2.mode&S_IFMT2)===S_IFLNK)&&!(stat2.nlink>1&&(stat2.mode&S_IFMT2)!==S_IFDIR2))return stat2}tryStat(path2,followLast){
let fast=this.statUntouched(path2,followLast);if(fast!==void 0)return fast??void 0;let found=this.tree.walk(path2,{followLast,readOnly:!0});if(typeof found=="st\
ring"){if(found==="ENOENT"||found==="ENOTDIR")return;throw uvError(found,followLast?"stat":"lstat",path2)}return found.node===void 0?void 0:statOf(found.node)}access(path2,mode){
let node=this.existing(path2,!0,"access"),want=mode&(R_OK|W_OK|X_OK);if(want!==0&&!mayAccess(this.identity,this.owned(node),want))throw uvError("EACCES","access",
path2)}exists(path2){let fast=this.statUntouched(path2,!0);if(fast!==void 0)return fast!==null;let found=this.tree.walk(path2,{followLast:!0,readOnly:!0});return typeof found!=
"string"&&found.node!==void 0}chmod(path2,mode){let node=this.lookupForChange(path2,!0,"chmod");if(!isOwnerOrRoot(this.identity,this.owned(node)))throw uvError(
"EPERM","chmod",path2);this.changeMode(this.upper(node),mode)}lookupForChange(path2,follow,syscall){let found=this.lookup(path2,follow,!1,syscall);if(found.node===
void 0)throw uvError("ENOENT",syscall,path2);return found.node}changeMode(inode,mode){let bits=mode&4095;this.identity.uid!==0&&!inode.isDirectory&&!inGroup(this.
identity,inode.gid)&&(bits&=~S_ISGID),inode.mode=inode.mode&S_IFMT2|bits,inode.ctimeNs=this.now(),inode.metadataChanged=!0,this.emitMetadata(inode)}chown(path2,uid,gid){
this.chownAt(path2,uid,gid,!0,"chown")}lchown(path2,uid,gid){this.chownAt(path2,uid,gid,!1,"lchown")}chownAt(path2,uid,gid,follow,syscall){let node=this.lookupForChange(
path2,follow,syscall);this.checkChown(node,uid,gid,syscall,path2),this.changeOwner(this.upper(node),uid,gid)}checkChown(node,uid,gid,syscall,path2){if(this.identity.
uid===0)return;let o=this.owned(node),owner=this.identity.uid===o.uid,uidRefused=uid!==-1&&!(owner&&uid===o.uid),gidRefused=gid!==-1&&!(owner&&(gid===o.gid||inGroup(
this.identity,gid)));if(uidRefused||gidRefused)throw uvError("EPERM",syscall,path2)}changeOwner(inode,uid,gid){uid!==-1&&(inode.uid=uid),gid!==-1&&(inode.gid=gid),
!inode.isDirectory&&!inode.isSymlink&&(inode.mode&=~S_ISUID,(inode.mode&8)!==0&&(inode.mode&=~S_ISGID)),inode.ctimeNs=this.now(),inode.metadataChanged=!0,this.emitMetadata(
inode)}utimes(path2,atimeNs,mtimeNs){this.utimesAt(path2,atimeNs,mtimeNs,!0,"utime")}lutimes(path2,atimeNs,mtimeNs){this.utimesAt(path2,atimeNs,mtimeNs,!1,"luti\
me")}utimesAt(path2,atimeNs,mtimeNs,follow,syscall){let node=this.lookupForChange(path2,follow,syscall);if(!isOwnerOrRoot(this.identity,this.owned(node)))throw uvError(
"EPERM",syscall,path2);this.changeTimes(this.upper(node),atimeNs,mtimeNs)}changeTimes(inode,atimeNs,mtimeNs){inode.atimeNs=atimeNs,inode.mtimeNs=mtimeNs,inode.ctimeNs=
this.now(),inode.metadataChanged=!0,this.emitMetadata(inode)}readFile(path2,flags=0){if(flags===0&&this.diskEnforcesIdentity){let fast=this.readUntouched(path2);
if(fast!==void 0)return fast}if((flags&(O_CREAT|O_TRUNC|O_ACCMODE))===0){let node=this.lookup(path2,(flags&O_NOFOLLOW)===0,!0,"open").node;if(node===void 0)throw uvError(
"ENOENT","open",path2);if(isSymlink(node))throw uvError("ELOOP","open",path2);if(!mayAccess(this.identity,this.owned(node),R_OK))throw uvError("EACCES","open",path2);
if(isDirectory(node))throw uvError("EISDIR","read");if(node instanceof Inode)return this.contents.readAll(node,"open",path2);try{return this.tree.lower.readFile(
node.path)}catch(error){throw this.diskError(error,"open",path2)}}let fd=this.open(path2,flags,438);try{let d=this.fds.get(fd);if(!d.readable)throw uvError("EBA\
DF","read");let inode=d.inode;if(inode.isDirectory)throw uvError("EISDIR","read");return this.contents.readAll(inode)}finally{this.close(fd)}}readUntouched(path2){
let diskPath=this.tree.fastDiskPath(path2,!0);if(diskPath===void 0)return;let result;try{result=this.tree.lower.readFileNoFollow(diskPath)}catch{return}if(result===
"directory")throw uvError("EISDIR","read");return typeof result=="string"?void 0:result}diskError(error,syscall,path2){let code=codeOf(error);return code===void 0?
error:uvError(code,syscall,path2)}writeFile(path2,data,flags,mode){let appending=(flags&O_APPEND)!==0;if(this.contents.used+data.byteLength>this.quotaLeftFor(path2,
flags))throw this.openNodeDryRun(path2,flags),this.emitQuotaRefusal(this.absolutePath(path2),data.byteLength),uvError("ENOSPC","write");let guard=this.contents.
guard,admit=guard===void 0||data.byteLength===0?void 0:node=>{let bytes=this.journalBytesOfWriteFile(node,data.byteLength,flags);if(bytes<=0||guard.admit(bytes))
return;let where=node instanceof Inode?this.tree.pathOf(node):node instanceof LowerNode?node.path:void 0;throw this.emitSpaceRefusal(where??this.absolutePath(path2),
bytes),uvError("ENOSPC","write")},{inode}=this.openNode(path2,flags,mode,"open",admit),access2=flags&O_ACCMODE;if(access2!==O_WRONLY&&access2!==O_RDWR)throw uvError(
"EBADF","write");let target=inode;data.byteLength>0&&(appending?this.contents.write(target,data,0,data.byteLength,target.size,"write",!0):target.size===0&&target.
contentFrom===null?this.contents.replace(target,data,"write",!0):this.contents.write(target,data,0,data.byteLength,0,"write",!0),this.touch(target,this.now()),this.
dropPrivileges(target),target.contentChanged=!0),this.emitContent(target)}journalBytesOfWriteFile(node,length,flags){if(node===void 0)return this.contents.journalBytes(
void 0,length,0);let inode=node instanceof Inode?node:void 0,size=(flags&O_TRUNC)!==0?0:node instanceof Inode?node.size:node.stat.size,from=(flags&O_APPEND)!==0?
size:0,pending=inode===void 0||inode.changedFrom===Number.POSITIVE_INFINITY?0:this.contents.journalBytes(inode,inode.size,inode.changedFrom);return this.contents.
journalBytes(inode,Math.max(size,from+length),from)-pending}quotaLeftFor(path2,flags){let quota=this.quotaBytes();if(quota===Number.POSITIVE_INFINITY||(flags&O_TRUNC)===
0)return quota;let found=this.tree.walk(path2,{followLast:!0,readOnly:!0});return typeof found!="string"&&found.node instanceof Inode?quota+found.node.held:quota}quotaBytes(){
return this.contents.quota}openNodeDryRun(path2,flags){let found=this.lookup(path2,(flags&O_NOFOLLOW)===0&&(flags&O_EXCL)===0,!0,"open");if(found.node===void 0){
if((flags&O_CREAT)===0)throw uvError("ENOENT","open",path2);if(!this.mayChangeEntries(found.dir))throw uvError("EACCES","open",path2);return}if((flags&O_CREAT)!==
0&&(flags&O_EXCL)!==0)throw uvError("EEXIST","open",path2);if(isDirectory(found.node))throw uvError("EISDIR","open",path2);if(!mayAccess(this.identity,this.owned(
found.node),W_OK))throw uvError("EACCES","open",path2)}truncate(path2,length){let node=this.lookup(path2,!0,!1,"open").node;if(node===void 0)throw uvError("ENOE\
NT","open",path2);if(isDirectory(node))throw uvError("EISDIR","open",path2);if(!mayAccess(this.identity,this.owned(node),W_OK))throw uvError("EACCES","open",path2);
if(length<0)throw uvError("EINVAL","ftruncate");let inode=node instanceof Inode?node:void 0;node instanceof LowerNode&&length>0&&(this.contents.ensureRoom(inode,
Math.min(length,node.stat.size),"ftruncate",node.path),this.contents.ensureJournalRoom(void 0,length,0,"ftruncate",node.path));let target=this.upper(node);this.
contents.truncate(target,length,"ftruncate",node instanceof LowerNode),this.touch(target,this.now()),this.dropPrivileges(target),target.contentChanged=!0,this.emitContent(
target)}copyFile(src,dest,mode){let from=this.tree.walk(src,{followLast:!0,readOnly:!0});if(typeof from=="string")throw uvError(from,"copyfile",src,dest);let source=from.
node;if(source===void 0)throw uvError("ENOENT","copyfile",src,dest);if(!mayAccess(this.identity,this.owned(source),R_OK))throw uvError("EACCES","copyfile",src,dest);
let sourceStat=statOf(source),exclusive=(mode&COPYFILE_EXCL)!==0,slash=dest.length>1&&dest.charCodeAt(dest.length-1)===47,to=this.tree.walk(dest,{followLast:!exclusive&&
!slash,readOnly:!1,create:exclusive||slash});if(typeof to=="string")throw uvError(to,"copyfile",src,dest);if(slash)throw uvError("EISDIR","copyfile",src,dest);let target=to.
node;if(target!==void 0){if(exclusive)throw uvError("EEXIST","copyfile",src,dest);if(isDirectory(target))throw uvError("EISDIR","copyfile",src,dest);if(!mayAccess(
this.identity,this.owned(target),W_OK))throw uvError("EACCES","copyfile",src,dest)}else{if(to.trailingSlash)throw uvError("EISDIR","copyfile",src,dest);if(!this.
mayChangeEntries(to.dir))throw uvError("EACCES","copyfile",src,dest)}if(target!==void 0&&sameNode(source,target))return;(mode&COPYFILE_FICLONE_FORCE)===COPYFILE_FICLONE_FORCE&&
this.failCopyAfterOpen(sourceStat,to,"ENOTSUP",src,dest),isDirectory(source)&&this.failCopyAfterOpen(sourceStat,to,"EISDIR",src,dest);let bytes;try{bytes=source instanceof
Inode?this.contents.readAll(source):this.tree.lower.readFile(source.path)}catch(error){let code=codeOf(error);throw code===void 0?error:uvError(code,"copyfile",
src,dest)}let held=target instanceof Inode?target.held:0;if(bytes.length>held&&this.contents.used+bytes.length-held>this.quotaBytes())throw this.emitQuotaRefusal(
target instanceof Inode?this.tree.pathOf(target)??this.absolutePath(dest):this.absolutePath(dest),bytes.length),uvError("ENOSPC","copyfile",src,dest);let journalBytes=this.
contents.journalBytes(void 0,bytes.length,0);if(this.contents.guard!==void 0&&journalBytes>0&&!this.contents.guard.admit(journalBytes))throw this.emitSpaceRefusal(
target instanceof Inode?this.tree.pathOf(target)??this.absolutePath(dest):this.absolutePath(dest),journalBytes),uvError("ENOSPC","copyfile",src,dest);let t=this.
now(),inode;if(target===void 0){let parent=this.upper(to.dir);inode=this.newInode(parent,S_IFREG|sourceStat.mode&4095,t),this.tree.setEntry(parent,to.name,inode,
!1),this.touch(parent,t)}else inode=this.upper(target);this.contents.replace(inode,bytes,"copyfile",!0),this.touch(inode,t),this.copyAttributes(inode,sourceStat,
t),bytes.length>0&&(inode.mtimeNs=t,this.dropPrivileges(inode)),inode.contentChanged=!0,this.emitContent(inode)}copyAttributes(inode,source,t){if(COPYFILE_COPIES_TIMES){
inode.atimeNs=source.atimeNs,inode.mtimeNs=source.mtimeNs;let id=this.identity;(id.uid===0||id.uid===inode.uid&&source.uid===inode.uid&&(source.gid===inode.gid||
inGroup(id,source.gid)))&&(inode.uid=source.uid,inode.gid=source.gid)}inode.mode=inode.mode&S_IFMT2|source.mode&4095,inode.ctimeNs=t}failCopyAfterOpen(source,to,code,src,dest){
let t=this.now(),perms=source.mode&4095,opened;if(to.node===void 0){let parent=this.upper(to.dir);opened=this.newInode(parent,S_IFREG|perms,t),this.tree.setEntry(
parent,to.name,opened,!1),this.touch(parent,t)}else opened=this.upper(to.node),this.contents.truncate(opened,0,"copyfile"),opened.contentChanged=!0,this.touch(opened,
t);this.copyAttributes(opened,source,t);let named=this.tree.walk(dest,{followLast:!1,readOnly:!1,create:!0});if(typeof named!="string"&&named.node!==void 0&&!isDirectory(
named.node)){let parent=this.upper(named.dir);this.detach(parent,named.name,named.node,t),this.touch(parent,t),named.node instanceof Inode&&this.dropLink(named.
node,t),this.observer!==void 0&&(named.node!==opened&&this.emitContent(opened),this.emit({kind:"remove",path:this.entryPath(named)}))}throw uvError(code,"copyfi\
le",src,dest)}mkdir(path2,mode,recursive){if(!recursive){this.makeDirectory(path2,mode);return}return this.makeDirectories(path2,mode)}makeDirectory(path2,mode,syscall="\
mkdir",errorPath=path2){let found=this.lookupToCreate(path2,syscall,errorPath);if(found.node!==void 0)throw uvError("EEXIST",syscall,errorPath);if(!this.mayChangeEntries(
found.dir))throw uvError("EACCES",syscall,errorPath);let t=this.now(),parent=this.upper(found.dir),inode=this.newInode(parent,S_IFDIR2|mode&~this.umask()&1023,t);
return this.tree.setEntry(parent,found.name,inode,!1),parent.nlink++,this.touch(parent,t),this.observer!==void 0&&this.emit({kind:"mkdir",path:this.entryPath(found)}),
inode}makeDirectories(path2,mode){let missing=[],current=path2;for(;;){let found=this.tree.walk(current,{followLast:!0,readOnly:!0});if(typeof found=="string"){
if(found!=="ENOENT")throw uvError(found,"mkdir",path2)}else if(found.node!==void 0){if(!isDirectory(found.node))throw uvError(missing.length===0?"EEXIST":"ENOTD\
IR","mkdir",path2);break}missing.push(current);let parent=parentPathOf(current);if(parent===current)break;current=parent}let first;for(let i=missing.length-1;i>=
0;i--){let dir=missing[i];try{this.makeDirectory(dir,mode,"mkdir",path2)}catch(error){if(codeOf(error)!=="EEXIST")throw error;let there=this.tree.walk(dir,{followLast:!0,
readOnly:!0});if(typeof there!="string"&&there.node!==void 0){if(isDirectory(there.node))continue;throw uvError(i===0?"EEXIST":"ENOTDIR","mkdir",path2)}throw uvError(
typeof there=="string"?there:"ENOENT","mkdir",path2)}first??=dir}return first}mkdtemp(prefix){for(let attempt=0;attempt<100;attempt++){let name2=prefix;for(let i=0;i<
6;i++)name2+=TEMP_CHARS[Math.floor(Math.random()*TEMP_CHARS.length)];try{return this.makeDirectory(name2,448,"mkdtemp",`${prefix}XXXXXX`),name2}catch(error){if(codeOf(
error)!=="EEXIST")throw error}}throw uvError("EEXIST","mkdtemp",`${prefix}XXXXXX`)}readdir(path2){let node=this.existing(path2,!0,"scandir");if(!isDirectory(node))
throw uvError("ENOTDIR","scandir",path2);if(!mayAccess(this.identity,this.owned(node),R_OK))throw uvError("EACCES","scandir",path2);try{return node instanceof LowerNode?
this.tree.lower.readdir(node.path):this.tree.list(node).map(e=>({name:e.name,type:e.type}))}catch(error){throw this.diskError(error,"scandir",path2)}}rmdir(path2){
let last=lastComponent(path2);if(last===".")throw uvError("EINVAL","rmdir",path2);let found=this.lookupToCreate(path2,"rmdir"),node=found.node;if(node===void 0)
throw uvError("ENOENT","rmdir",path2);if(last==="..")throw uvError("ENOTEMPTY","rmdir",path2);if(found.name===".")throw uvError("EBUSY","rmdir",path2);this.removeDirectory(
found,node,"rmdir",path2),this.observer!==void 0&&this.emit({kind:"remove",path:this.entryPath(found)})}checkRemove(found,node,syscall,path2){if(!this.mayChangeEntries(
found.dir))throw uvError("EACCES",syscall,path2);if(!mayRemoveFrom(this.identity,this.owned(found.dir),this.owned(node)))throw uvError("EPERM",syscall,path2)}removeDirectory(found,node,syscall,path2){
if(this.checkRemove(found,node,syscall,path2),!isDirectory(node))throw uvError("ENOTDIR",syscall,path2);if(!this.isEmptyDir(node))throw uvError("ENOTEMPTY",syscall,
path2);let t=this.now(),parent=this.upper(found.dir);this.detach(parent,found.name,node,t),parent.nlink--,this.touch(parent,t),node instanceof Inode&&this.dropLink(
node,t)}unlink(path2){let found=this.lookupToCreate(path2,"unlink"),node=found.node;if(node===void 0)throw uvError("ENOENT","unlink",path2);if(found.trailingSlash)
throw uvError(isDirectory(node)?"EISDIR":"ENOTDIR","unlink",path2);if(found.name===".")throw uvError("EISDIR","unlink",path2);if(this.checkRemove(found,node,"un\
link",path2),isDirectory(node))throw uvError("EISDIR","unlink",path2);this.removeFile(found,node),this.observer!==void 0&&this.emit({kind:"remove",path:this.entryPath(
found)})}removeFile(found,node){let t=this.now(),parent=this.upper(found.dir);this.detach(parent,found.name,node,t),this.touch(parent,t),node instanceof Inode&&
this.dropLink(node,t)}rm(path2,options){let found=this.tree.walk(path2,{followLast:!1,readOnly:!1});if(typeof found=="string"){if(found==="ENOENT"&&options.force)
return;if(options.recursive&&options.force)return this.rimrafWithoutStats(path2);throw uvError(found,"lstat",path2)}if(found.node===void 0){if(options.force)return;
throw uvError("ENOENT","lstat",path2)}this.removedSoFar=this.observer!==void 0?[]:null;try{this.removeFound(found,found.node,path2,options)}catch(error){for(let removed of this.
removedSoFar??[])this.emit({kind:"remove",path:removed});throw error}finally{this.removedSoFar=null}this.observer!==void 0&&this.emit({kind:"remove",path:this.entryPath(
found)})}rimrafWithoutStats(path2){try{this.unlink(path2)}catch(error){let code=codeOf(error);if(code==="ENOENT")return;if(code!=="EISDIR"&&code!=="EPERM")throw error;
try{this.rmdir(path2)}catch(second){let secondCode=codeOf(second);if(secondCode==="ENOENT")return;throw secondCode==="ENOTDIR"?error:second}}}removeFound(found,node,path2,options){
if(!isDirectory(node)){this.checkRemove(found,node,"unlink",path2),this.removeFile(found,node);return}if(!options.recursive)throw uvError("EISDIR","rm",path2);if(options.
childrenFirst===!0){this.removeChildrenFirst(found,node,path2);return}if(found.trailingSlash){let named=this.tree.walk(path2,{followLast:!1,readOnly:!0,create:!0});
if(typeof named!="string"&&named.node!==void 0&&isSymlink(named.node))throw uvError("ENOTDIR","rmdir",path2)}if(found.name===".")throw uvError("EINVAL","rmdir",
path2);this.removeTree(found,node,path2)}removeChildrenFirst(found,node,path2){let viaSymlink=!1;if(found.trailingSlash){let named=this.tree.walk(path2,{followLast:!1,
readOnly:!0,create:!0});viaSymlink=typeof named!="string"&&named.node!==void 0&&isSymlink(named.node)}if(found.name===".")throw uvError("EINVAL","rm",path2);if(!viaSymlink&&
this.identity.uid===0&&node instanceof LowerNode){this.removeTree(found,node,path2);return}for(let entry of this.tree.list(node)){let childPath=joinPath(path2,entry.
name),child=this.tree.child(node,entry.name);if(child===void 0)continue;let childLookup={dir:node,name:entry.name,node:child,trailingSlash:!1};isDirectory(child)?
this.removeChildrenFirst(childLookup,child,childPath):(this.checkRemove(childLookup,child,"rm",childPath),this.removeFile(childLookup,child)),this.removedSoFar?.
push(this.entryPath(childLookup)),node instanceof LowerNode&&(node=this.upper(node))}if(viaSymlink)throw uvError("ENOTDIR","rm",path2);this.removeDirectory({...found,
node},node,"rm",path2)}removeTree(found,node,path2){if(this.checkRemove(found,node,"rmdir",path2),this.identity.uid===0&&node instanceof LowerNode){let t=this.now(),
parent=this.upper(found.dir);this.tree.hideDiskEntry(parent,node),parent.nlink--,this.touch(parent,t);return}for(let entry of this.tree.list(node)){let childPath=joinPath(
path2,entry.name),child=this.tree.child(node,entry.name);if(child===void 0)continue;let childLookup={dir:node,name:entry.name,node:child,trailingSlash:!1};isDirectory(
child)?this.removeTree(childLookup,child,childPath):(this.checkRemove(childLookup,child,"unlink",childPath),this.removeFile(childLookup,child)),this.removedSoFar?.
push(this.entryPath(childLookup)),node instanceof LowerNode&&(node=this.upper(node)),found={...found,node}}this.removeDirectory(found,node,"rmdir",path2)}rename(oldPath,newPath){
let from=this.tree.walk(oldPath,{followLast:!1,readOnly:!1,create:!0});if(typeof from=="string")throw uvError(from,"rename",oldPath,newPath);let to=this.tree.walk(
newPath,{followLast:!1,readOnly:!1,create:!0});if(typeof to=="string")throw uvError(to,"rename",oldPath,newPath);if(from.name==="."||to.name===".")throw uvError(
"EBUSY","rename",oldPath,newPath);let source=from.node;if(source===void 0)throw uvError("ENOENT","rename",oldPath,newPath);let target=to.node,sourceIsDir=isDirectory(
source);if((from.trailingSlash||to.trailingSlash)&&!sourceIsDir)throw uvError("ENOTDIR","rename",oldPath,newPath);if(sourceIsDir&&this.isWithin(to.dir,source))throw uvError(
"EINVAL","rename",oldPath,newPath);if(target!==void 0&&isDirectory(target)&&this.isWithin(from.dir,target))throw uvError("ENOTEMPTY","rename",oldPath,newPath);if(target!==
void 0&&(target===source||sameNode(source,target)))return;if(!this.mayChangeEntries(from.dir)||!this.mayChangeEntries(to.dir))throw uvError("EACCES","rename",oldPath,
newPath);if(!mayRemoveFrom(this.identity,this.owned(from.dir),this.owned(source))||target!==void 0&&!mayRemoveFrom(this.identity,this.owned(to.dir),this.owned(target)))
throw uvError("EPERM","rename",oldPath,newPath);if(target!==void 0){let targetIsDir=isDirectory(target);if(sourceIsDir&&!targetIsDir)throw uvError("ENOTDIR","re\
name",oldPath,newPath);if(!sourceIsDir&&targetIsDir)throw uvError("EISDIR","rename",oldPath,newPath)}if(sourceIsDir&&this.identity.uid!==0&&!sameNode(from.dir,to.
dir)&&!mayAccess(this.identity,this.owned(source),W_OK))throw uvError("EACCES","rename",oldPath,newPath);if(target!==void 0&&isDirectory(target)&&!this.isEmptyDir(
target))throw uvError("ENOTEMPTY","rename",oldPath,newPath);let fromPath=this.observer!==void 0?this.entryPath(from):"",t=this.now(),sourceParent=this.upper(from.
dir),inode=this.upper(source),targetParent=this.upper(to.dir),coversDisk=!1;if(target!==void 0){if(coversDisk=targetParent.entries.get(to.name)===void 0||targetParent.
covered.has(to.name),target instanceof Inode&&targetParent.entries.get(to.name)===target&&this.tree.removeEntry(targetParent,to.name),target instanceof Inode)this.
dropLink(target,t);else{let orphan=this.tree.orphanDiskFile(target);orphan!==void 0&&(orphan.ctimeNs=t)}isDirectory(target)&&targetParent.nlink--}this.detach(sourceParent,
from.name,inode,t),this.tree.setEntry(targetParent,to.name,inode,coversDisk),sourceIsDir&&(sourceParent.nlink--,targetParent.nlink++),this.touch(sourceParent,t),
this.touch(targetParent,t),inode.ctimeNs=t,this.observer!==void 0&&this.emit({kind:"rename",from:fromPath,to:this.entryPath(to)})}isWithin(dir,ancestor){let current=dir;
for(;;){if(sameNode(current,ancestor)||current===ancestor)return!0;let parent=this.tree.parentOf(current);if(parent===current)return!1;current=parent}}link(existingPath,newPath){
let from=this.lookup(existingPath,!1,!1,"link",existingPath,newPath),source=from.node;if(source===void 0)throw uvError("ENOENT","link",existingPath,newPath);let to=this.
lookupToCreate(newPath,"link",existingPath,newPath);if(to.node!==void 0)throw uvError("EEXIST","link",existingPath,newPath);if(to.trailingSlash)throw uvError("E\
NOENT","link",existingPath,newPath);if(!this.mayHardlink(source))throw uvError("EPERM","link",existingPath,newPath);if(!this.mayChangeEntries(to.dir))throw uvError(
"EACCES","link",existingPath,newPath);if(isDirectory(source))throw uvError("EPERM","link",existingPath,newPath);let t=this.now(),inode=this.upper(source),parent=this.
upper(to.dir);this.tree.setEntry(parent,to.name,inode,!1),inode.nlink++,inode.ctimeNs=t,this.touch(parent,t),this.observer!==void 0&&this.emit({kind:"link",existingPath:this.
entryPath(from),newPath:this.entryPath(to)})}mayHardlink(node){let o=this.owned(node);return this.identity.uid===0||this.identity.uid===o.uid?!0:(o.mode&S_IFMT2)!==
S_IFREG||(o.mode&S_ISUID)!==0||(o.mode&(S_ISGID|8))===(S_ISGID|8)?!1:mayAccess(this.identity,o,R_OK|W_OK)}symlink(target,path2){let found=this.lookupToCreate(path2,
"symlink",target,path2);if(found.node!==void 0)throw uvError("EEXIST","symlink",target,path2);if(found.trailingSlash)throw uvError("ENOENT","symlink",target,path2);
if(!this.mayChangeEntries(found.dir))throw uvError("EACCES","symlink",target,path2);if(target.length===0)throw uvError("ENOENT","symlink",target,path2);let t=this.
now(),parent=this.upper(found.dir),inode=this.newInode(parent,S_IFLNK|511,t);inode.target=target,this.tree.setEntry(parent,found.name,inode,!1),this.touch(parent,
t),this.observer!==void 0&&this.emit({kind:"symlink",path:this.entryPath(found),target})}readlink(path2){let node=this.existing(path2,!1,"readlink");if(!isSymlink(
node))throw uvError("EINVAL","readlink",path2);if(node instanceof Inode)return node.target;try{return this.tree.lower.readlink(node.path)}catch(error){throw this.
diskError(error,"readlink",path2)}}realpath(path2){if(this.statUntouched(path2,!0,!1)){let absolute=path2.charCodeAt(0)===47?path2:joinPath(this.cwd(),path2);return absolute.
includes("//")?absolute.replace(/\/{2,}/g,"/"):absolute}let found=this.lookup(path2,!0,!0,"realpath");if(found.node===void 0)throw uvError("ENOENT","realpath",path2);
return this.entryPath(found)}changeSet(){return computeChangeSet(this.tree,this.contents)}inspectInode(ino){let inode=this.byIno.get(ino);if(inode===void 0)return;
let stat2=inode.stat();return inode.isFile?{stat:stat2,content:this.contents.readAll(inode)}:inode.isSymlink?{stat:stat2,target:inode.target}:{stat:stat2}}inspectInodeFrom(ino,start){
let inode=this.byIno.get(ino);if(inode===void 0)return;if(!inode.isFile)return this.inspectInode(ino);let stat2=inode.stat();if(start<=0)return{stat:stat2,content:this.
contents.readAll(inode)};if(start>=inode.size)return{stat:stat2,content:Buffer.alloc(0)};let tail=Buffer.allocUnsafe(inode.size-start),n=this.contents.read(inode,
tail,0,tail.length,start);return{stat:stat2,content:n===tail.length?tail:tail.subarray(0,n)}}inspectInodeView(ino,start){let inode=this.byIno.get(ino);if(inode===
void 0||!inode.isFile)return this.inspectInodeFrom(ino,start);let view=this.contents.view(inode,start);return view===void 0?this.inspectInodeFrom(ino,start):{stat:inode.
stat(),content:view}}bytesUsed(){return this.contents.used}reportUnsavedWrites(){for(let d of this.fds.values())!d.dirty||d.inode===null||(d.dirty=!1,this.emitContent(
d.inode))}};function libuvAtLeast(major,minor){let[a=0,b=0]=(process.versions.uv??"0.0").split(".").map(Number);return a>major||a===major&&b>=minor}function lastComponent(path2){
let end=path2.length;for(;end>1&&path2.charCodeAt(end-1)===47;)end--;return path2.slice(path2.lastIndexOf("/",end-1)+1,end)}function parentPathOf(path2){let end=path2.
length;for(;end>1&&path2.charCodeAt(end-1)===47;)end--;let slash=path2.lastIndexOf("/",end-1);return slash<0?".":slash===0?"/":path2.slice(0,slash)}var import_node_module=require("node:module"),loadBuiltin=process.getBuiltinModule??(0,import_node_module.createRequire)("/"),fs=loadBuiltin("node:fs"),path=loadBuiltin(
"node:path");var import_node_fs4=require("node:fs");var lstatSync2=import_node_fs4.lstatSync,readlinkSync2=import_node_fs4.readlinkSync,TRY_LSTAT2={throwIfNoEntry:!1,bigint:!0},MAX_HOPS=40,MAX_REMEMBERED=8192;function hasDotDot(absPath){
return absPath.includes("/..")&&/\/\.\.(?:\/|$)/.test(absPath)}function isVolatile(absPath){return absPath.startsWith("/proc/")||absPath.startsWith("/dev/")}function childOf(folder,name2){
return folder==="/"?`/${name2}`:`${folder}/${name2}`}function createDiskLocator(o){let realFolders=new Map;function realFolder(folder,hops){if(folder.length<=1)
return folder;let known=realFolders.get(folder);if(known!==void 0)return known;let slash=folder.lastIndexOf("/"),real=follow(childOf(slash===0?"/":realFolder(folder.
slice(0,slash),hops),folder.slice(slash+1)),hops);return isVolatile(folder)||(realFolders.size>=MAX_REMEMBERED&&realFolders.clear(),realFolders.set(folder,real)),
real}function follow(located,hops){let ownCwd=ownWorkingDirectoryLink(located,o.cwd);if(ownCwd!==void 0)return ownCwd;if(hops>=MAX_HOPS)return located;let link2;
try{if(lstatSync2(located,TRY_LSTAT2)?.isSymbolicLink()!==!0)return located;link2=readlinkSync2(located)}catch{return located}let target=path.resolve(path.dirname(
located),link2);if(target.length===1)return target;let slash=target.lastIndexOf("/");return follow(childOf(slash===0?"/":realFolder(target.slice(0,slash),hops+1),
target.slice(slash+1)),hops+1)}function walkPhysically(spelt,followLast){let names=spelt.split("/").filter(name2=>name2!==""&&name2!=="."),current="/";return names.
forEach((name2,i)=>{let next=current==="/"?`/${name2}`:`${current}/${name2}`;current=name2===".."?path.dirname(current):i<names.length-1||followLast?follow(next,
0):next}),current}return{locate(spelt,followLastName){if(hasDotDot(spelt))return walkPhysically(spelt,followLastName);let trailingSlash=spelt.length>1&&spelt.charCodeAt(
spelt.length-1)===47,absPath=trailingSlash?spelt.replace(/\/+$/,"")||"/":spelt;if(absPath.length<=1)return absPath;let slash=absPath.lastIndexOf("/"),located=childOf(
slash===0?"/":realFolder(absPath.slice(0,slash),0),absPath.slice(slash+1));return followLastName||trailingSlash?follow(located,0):located},forget(){realFolders.
clear()}}}var GLOB_CHARS="*?[]{}()!";function isGlob(entry){for(let char of entry)if(GLOB_CHARS.includes(char))return!0;return!1}function underPrefix(absPath,prefix){return absPath===
prefix||absPath.startsWith(prefix)&&(prefix.endsWith("/")||absPath.charCodeAt(prefix.length)===47)}function createPathRouter(o,compileGlobs){let roots=o.roots.map(
r=>path.resolve(r)),prefixes=[],globs=[];for(let entry of o.passThrough)isGlob(entry)?globs.push(entry):prefixes.push(path.resolve(entry));let compiled,matchGlob=absPath=>globs.
length===0?!1:(compiled??=compileGlobs(globs.flatMap(g=>[g,`${g.replace(/\/+$/,"")}/**`])),compiled(absPath)),passedThrough=absPath=>{for(let prefix of prefixes)
if(underPrefix(absPath,prefix))return!0;return matchGlob(absPath)},ownsAsSpelt=absPath=>{let inRoot=!1;for(let root of roots)if(underPrefix(absPath,root)){inRoot=
!0;break}return inRoot&&!passedThrough(absPath)},{locate}=o,decide=(absPath,spelt,followLast)=>{if(ownsAsSpelt(absPath))return!0;if(locate===void 0)return!1;let real=locate.
locate(spelt??absPath,followLast);return real!==absPath&&ownsAsSpelt(real)},remembered=followLast=>{let recent=new Map;return{owns:(absPath,spelt)=>{let key=spelt??
absPath,answer=recent.get(key);if(answer===void 0){if(answer=decide(absPath,spelt,followLast),isVolatile(absPath))return answer;recent.size>=4096&&recent.clear(),
recent.set(key,answer)}return answer},forget:()=>recent.clear()}},following=remembered(!0),notFollowing=remembered(!1);return{owns:following.owns,ownsLink:notFollowing.
owns,forget(){locate!==void 0&&(locate.forget(),following.forget(),notFollowing.forget())}}}var import_node_module2=require("node:module");var import_node_url=require("node:url");var FIRST_FAKE_FD=1073741824,MAX_FD=2147483647,context={engine:void 0,router:{owns:()=>!1,ownsLink:()=>!1,forget(){}},originals:{},faces:new WeakSet};function ownsPath(value,followLast=!0){
let abs;if(typeof value=="string")return value.charCodeAt(0)===47&&!value.includes("/.")&&!value.includes("//")?ask(value,void 0,followLast):ownsResolved(value,
followLast);if(value instanceof Uint8Array)return ownsResolved(Buffer.from(value.buffer,value.byteOffset,value.byteLength).toString("utf8"),followLast);if(value!==
null&&typeof value=="object"&&value.protocol==="file:"&&typeof value.href=="string")try{abs=(0,import_node_url.fileURLToPath)(value)}catch{return!1}else return!1;
return ask(abs,void 0,followLast)}function ask(abs,spelt,followLast){return followLast?context.router.owns(abs,spelt):context.router.ownsLink(abs,spelt)}function ownsResolved(value,followLast){
let abs=path.resolve(value),goesOn=value.endsWith("/")||value.endsWith("/.")||value===".";if(!value.includes(".."))return ask(abs,void 0,followLast||goesOn);let spelt=value.
charCodeAt(0)===47?value:`${process.cwd()}/${value}`;return ask(abs,hasDotDot(spelt)?spelt:void 0,followLast||goesOn)}function ownsFd(fd){return typeof fd=="num\
ber"&&fd>=FIRST_FAKE_FD&&fd<=MAX_FD&&Number.isInteger(fd)}function wellFormed(s2){return isWellFormed(s2)?s2:toWellFormed(s2)}function nodeErrorPaths(err){if(!(err instanceof Error))return;let e=err;if(typeof e.syscall==
"string")for(let key of["path","dest"]){let escaped=e[key];if(typeof escaped!="string"||isWellFormed(escaped))continue;let shown=nameToBytes(escaped).toString("\
utf8");try{e.message=e.message.split(escaped).join(shown),e[key]=shown}catch{}}}var keptAsIs=new WeakSet;function isSystemCallError(value){if(!(value instanceof Error))return!1;let err=value;return typeof err.errno=="number"&&typeof err.syscall==
"string"&&!String(err.code).startsWith("ERR_")}function withFrames(err,fn){if(!(err instanceof Error))return err;let e=err,code=e.code;if(typeof code=="string"&&
code.startsWith("ERR_")){if(Error.captureStackTrace(e,fn),String(e.stack).startsWith(`${e.name} [${code}]`))return err;let hadOwnName=Object.prototype.hasOwnProperty.
call(e,"name"),name2=e.name,shown=name2.includes(`[${code}]`)?name2:`${name2} [${code}]`;Object.defineProperty(e,"name",{value:shown,configurable:!0,writable:!0,
enumerable:!1}),Error.captureStackTrace(e,fn),e.stack,hadOwnName?Object.defineProperty(e,"name",{value:name2,configurable:!0,writable:!0,enumerable:!1}):delete e.
name}else Error.captureStackTrace(e,fn);return err}function frameless(err){return err instanceof Error&&isSystemCallError(err)&&(err.stack=`Error: ${err.message}`),
err}function forSync(err,fn){return nodeErrorPaths(err),err instanceof Error&&keptAsIs.has(err)?err:withFrames(err,fn)}function withoutFrames(err){return err instanceof
Error&&keptAsIs.add(err),err}function forCallback(err){return nodeErrorPaths(err),frameless(err)}function framelessForPromise(err){return err instanceof Error&&
(frameless(err),keptAsIs.add(err)),err}function forPromise(err,fn){return nodeErrorPaths(err),err instanceof Error&&keptAsIs.has(err)?err:withFrames(err,fn)}function syncFace(original,owns,impl){let face=function(first,second){if(!owns(first,second))return Reflect.apply(original,this,arguments);try{return Reflect.apply(
impl,void 0,arguments)}catch(err){throw forSync(err,face)}};return face}function callbackFace(original,owns,prepare){let face=function(first,second){if(!owns(first,
second))return Reflect.apply(original,this,arguments);let job,valuesNow;try{job=prepare(Array.prototype.slice.call(arguments)),job.synchronous&&(valuesNow=job.run())}catch(err){
throw forSync(err,face)}valuesNow===void 0?deliver(job):job.callback(null,...valuesNow)};return face}function deliver(job){let callback=job.callback,results;try{
results=job.run()}catch(err){let error=forCallback(err);setImmediate(()=>callback(error));return}if(results instanceof Promise){results.then(values2=>callback(null,
...values2),err=>callback(forCallback(err)));return}let values=results;setImmediate(()=>callback(null,...values))}function promiseFace(original,owns,impl){let face=async function(...args){
if(!owns(args[0],args[1]))return Reflect.apply(original,this,args);try{return await impl(...args)}catch(err){throw isSystemCallError(err)?(await void 0,forPromise(
err,face)):forPromise(err,face)}};return face}var import_node_fs6=require("node:fs");var import_node_buffer2=require("node:buffer"),import_node_url2=require("node:url"),import_node_fs5=require("node:fs");var import_node_util2=require("node:util"),kTypes=["string","function","number","object","Function","Object","boolean","bigint","symbol"],classRegExp=/^([A-Z][a-z0-9]*)+$/,
nodeMajor=Number(process.versions.node.split(".")[0]);function nodeError(Base,code,message){let err=new Base(message);err.code=code;let name2=err.name;return Object.
defineProperty(err,"stack",{value:`${name2} [${code}]: ${message}`,writable:!0,configurable:!0,enumerable:!1}),Object.defineProperty(err,"toString",{value(){return`${name2}\
 [${code}]: ${message}`},writable:!0,configurable:!0,enumerable:!1}),err}function formatList(array,type="and"){switch(array.length){case 0:return"";case 1:return`${array[0]}`;case 2:
return`${array[0]} ${type} ${array[1]}`;case 3:return`${array[0]}, ${array[1]}, ${type} ${array[2]}`;default:return`${array.slice(0,-1).join(", ")}, ${type} ${array[array.
length-1]}`}}function determineSpecificType(value){if(value===null)return"null";if(value===void 0)return"undefined";switch(typeof value){case"bigint":return`typ\
e bigint (${value}n)`;case"number":return value===0?1/value===-1/0?"type number (-0)":"type number (0)":value!==value?"type number (NaN)":value===1/0?"type numb\
er (Infinity)":value===-1/0?"type number (-Infinity)":`type number (${value})`;case"boolean":return value?"type boolean (true)":"type boolean (false)";case"symb\
ol":return`type symbol (${String(value)})`;case"function":return`function ${value.name}`;case"object":{let ctor=value.constructor;if(nodeMajor>=26){let name2=ctor?.
name;if(typeof name2=="string"&&name2!=="")return`an instance of ${name2}`}else if(ctor&&"name"in ctor)return`an instance of ${ctor.name}`;return`${(0,import_node_util2.inspect)(
value,{depth:-1})}`}case"string":{let s2=value;return s2.length>28&&(s2=`${s2.slice(0,25)}...`),s2.includes("'")?`type string (${JSON.stringify(s2)})`:`type str\
ing ('${s2}')`}default:{let s2=(0,import_node_util2.inspect)(value,{colors:!1});return s2.length>28&&(s2=`${s2.slice(0,25)}...`),`type ${typeof value} (${s2})`}}}
function invalidArgType(name2,expected,actual){let list=Array.isArray(expected)?expected:[expected],msg="The ";name2.endsWith(" argument")?msg+=`${name2} `:msg+=
`"${name2}" ${name2.includes(".")?"property":"argument"} `,msg+="must be ";let types=[],instances=[],other=[];for(let value of list)kTypes.includes(value)?types.
push(value.toLowerCase()):classRegExp.test(value)?instances.push(value):other.push(value);if(instances.length>0){let pos=types.indexOf("object");pos!==-1&&(types.
splice(pos,1),instances.push("Object"))}return types.length>0&&(msg+=`${types.length>1?"one of type":"of type"} ${formatList(types,"or")}`,(instances.length>0||
other.length>0)&&(msg+=" or ")),instances.length>0&&(msg+=`an instance of ${formatList(instances,"or")}`,other.length>0&&(msg+=" or ")),other.length>0&&(other.length>
1?msg+=`one of ${formatList(other,"or")}`:(other[0].toLowerCase()!==other[0]&&(msg+="an "),msg+=`${other[0]}`)),msg+=`. Received ${determineSpecificType(actual)}`,
nodeError(TypeError,"ERR_INVALID_ARG_TYPE",msg)}function invalidArgValue(name2,value,reason="is invalid",Base=TypeError){let inspected=(0,import_node_util2.inspect)(
value);inspected.length>128&&(inspected=`${inspected.slice(0,128)}...`);let type=name2.includes(".")?"property":"argument";return nodeError(Base,"ERR_INVALID_AR\
G_VALUE",`The ${type} '${name2}' ${reason}. Received ${inspected}`)}function addNumericalSeparator(val){let res="",i=val.length,start=val[0]==="-"?1:0;for(;i>=start+
4;i-=3)res=`_${val.slice(i-3,i)}${res}`;return`${val.slice(0,i)}${res}`}function outOfRange(str,range,input){let received;return Number.isInteger(input)&&Math.abs(
input)>2**32?received=addNumericalSeparator(String(input)):typeof input=="bigint"?(received=String(input),(input>2n**32n||input<-(2n**32n))&&(received=addNumericalSeparator(
received)),received+="n"):received=(0,import_node_util2.inspect)(input),nodeError(RangeError,"ERR_OUT_OF_RANGE",`The value of "${str}" is out of range. It must \
be ${range}. Received ${received}`)}function incompatibleOptionPair(a,b){return nodeError(TypeError,"ERR_INCOMPATIBLE_OPTION_PAIR",`Option "${a}" cannot be used\
 in combination with option "${b}"`)}function abortError(cause){let err=new Error("The operation was aborted",{cause});return err.code="ABORT_ERR",err.name="AbortError",err}var SystemError=class extends Error{[Symbol.
for("nodejs.util.inspect.custom")](_depth,options){return(0,import_node_util2.inspect)(this,{...options,getters:!0,customInspect:!1})}};function systemError(key,prefix,context2){
let message=`${prefix}: ${context2.syscall} returned ${context2.code} (${context2.message})`;context2.path!==void 0&&(message+=` ${context2.path}`),context2.dest!==
void 0&&(message+=` => ${context2.dest}`);let err=new SystemError;return err.code=key,Object.defineProperties(err,{name:{value:"SystemError",enumerable:!1,writable:!0,
configurable:!0},message:{value:message,enumerable:!1,writable:!0,configurable:!0},info:{value:context2,enumerable:!0,configurable:!0,writable:!1},errno:{get:()=>context2.
errno,set:v=>{context2.errno=v},enumerable:!0,configurable:!0},syscall:{get:()=>context2.syscall,set:v=>{context2.syscall=v},enumerable:!0,configurable:!0},toString:{
value(){return`SystemError [${key}]: ${message}`},enumerable:!1,writable:!0,configurable:!0}}),context2.path!==void 0&&Object.defineProperty(err,"path",{get:()=>context2.
path!=null?context2.path.toString():context2.path,set:v=>{context2.path=v?String(v):void 0},enumerable:!0,configurable:!0}),context2.dest!==void 0&&Object.defineProperty(
err,"dest",{get:()=>context2.dest!=null?context2.dest.toString():context2.dest,set:v=>{context2.dest=v?String(v):void 0},enumerable:!0,configurable:!0}),err.stack=
`SystemError [${key}]: ${message}`,err}var EISDIR=21;function fsEisdir(path2,syscall="rm"){return systemError("ERR_FS_EISDIR","Path is a directory",{code:"EISDI\
R",message:"is a directory",path:path2,syscall,errno:EISDIR})}function validateInteger(value,name2,min=Number.MIN_SAFE_INTEGER,max=Number.MAX_SAFE_INTEGER){if(typeof value!="number")throw invalidArgType(name2,"number",value);
if(!Number.isInteger(value))throw outOfRange(name2,"an integer",value);if(value<min||value>max)throw outOfRange(name2,`>= ${min} && <= ${max}`,value)}function validateInt32(value,name2,min=-2147483648,max=2147483647){
validateInteger(value,name2,min,max)}function validateUint32(value,name2,positive=!1){if(typeof value!="number")throw invalidArgType(name2,"number",value);if(!Number.
isInteger(value))throw outOfRange(name2,"an integer",value);let min=positive?1:0;if(value<min||value>4294967295)throw outOfRange(name2,`>= ${min} && <= 42949672\
95`,value)}function validateString(value,name2){if(typeof value!="string")throw invalidArgType(name2,"string",value)}function validateBoolean(value,name2){if(typeof value!=
"boolean")throw invalidArgType(name2,"boolean",value)}function validateFunction(value,name2){if(typeof value!="function")throw invalidArgType(name2,"Function",value)}
function validateObject(value,name2,allowNullable=!1){if(value===null){if(!allowNullable)throw invalidArgType(name2,"Object",value);return}if(Array.isArray(value)||
typeof value!="object")throw invalidArgType(name2,"Object",value)}function validateAbortSignal(signal,name2){if(signal!==void 0&&(signal===null||typeof signal!=
"object"||!("aborted"in signal)))throw invalidArgType(name2,"AbortSignal",signal)}function validateBuffer(buffer,name2="buffer"){if(!ArrayBuffer.isView(buffer))
throw invalidArgType(name2,["Buffer","TypedArray","DataView"],buffer)}function validateOneOf(value,name2,oneOf2){if(!oneOf2.includes(value)){let allowed=oneOf2.
map(v=>typeof v=="string"?`'${v}'`:String(v)).join(", ");throw invalidArgValue(name2,value,`must be one of: ${allowed}`)}}var octalReg=/^[0-7]+$/,modeDesc="must\
 be a 32-bit unsigned integer or an octal string";function parseFileMode(value,name2,def){if(value??=def,typeof value=="string"){if(!octalReg.test(value))throw withoutFrames(
invalidArgValue(name2,value,modeDesc));value=Number.parseInt(value,8)}return validateUint32(value,name2),value+0}function validateModeInCpp(mode,def){if(mode==null)
return def;if(typeof mode!="number"){let err=new TypeError("mode must be int32 or null/undefined");throw err.code="ERR_INVALID_ARG_TYPE",err}let value=mode|0;if(value<
0||value>7){let err=new RangeError("mode is out of range: >= 0 && <= 7");throw err.code="ERR_OUT_OF_RANGE",err}return value}function makeCallback(cb){return validateFunction(
cb,"cb"),cb}var{O_RDONLY,O_WRONLY:O_WRONLY2,O_RDWR:O_RDWR2,O_CREAT:O_CREAT2,O_TRUNC:O_TRUNC2,O_APPEND:O_APPEND2,O_EXCL:O_EXCL2,O_SYNC}=import_node_fs5.constants;function isURL(value){
let v=value;return!!(v?.href&&v.protocol&&v.auth===void 0&&v.path===void 0)}function toPathIfFileURL(value){return isURL(value)?(0,import_node_url2.fileURLToPath)(
value):value}function getValidatedPath(fileURLOrPath,propName="path"){let path2=toPathIfFileURL(fileURLOrPath);if(typeof path2!="string"&&!(path2 instanceof Uint8Array))
throw invalidArgType(propName,["string","Buffer","URL"],path2);if(typeof path2=="string"?path2.includes("\0"):path2.includes(0))throw invalidArgValue(propName,path2,
"must be a string, Uint8Array, or URL without null bytes");return path2}function pathString(path2){return typeof path2=="string"?wellFormed(path2):bytesToName(path2)}
function validatedPathString(value,propName="path"){return pathString(getValidatedPath(value,propName))}function getValidatedFd(fd,propName="fd"){return Object.
is(fd,-0)?0:(validateInt32(fd,propName,0),fd)}function stringToFlags(flags,name2="flags"){if(typeof flags=="number")return validateInt32(flags,name2),flags+0;if(flags==
null)return O_RDONLY;switch(flags){case"r":return O_RDONLY;case"rs":case"sr":return O_RDONLY|O_SYNC;case"r+":return O_RDWR2;case"rs+":case"sr+":return O_RDWR2|O_SYNC;case"\
w":return O_TRUNC2|O_CREAT2|O_WRONLY2;case"wx":case"xw":return O_TRUNC2|O_CREAT2|O_WRONLY2|O_EXCL2;case"w+":return O_TRUNC2|O_CREAT2|O_RDWR2;case"wx+":case"xw+":
return O_TRUNC2|O_CREAT2|O_RDWR2|O_EXCL2;case"a":return O_APPEND2|O_CREAT2|O_WRONLY2;case"ax":case"xa":return O_APPEND2|O_CREAT2|O_WRONLY2|O_EXCL2;case"as":case"\
sa":return O_APPEND2|O_CREAT2|O_WRONLY2|O_SYNC;case"a+":return O_APPEND2|O_CREAT2|O_RDWR2;case"ax+":case"xa+":return O_APPEND2|O_CREAT2|O_RDWR2|O_EXCL2;case"as+":case"\
sa+":return O_APPEND2|O_CREAT2|O_RDWR2|O_SYNC}throw invalidArgValue("flags",flags)}function assertEncoding(encoding){if(encoding&&!import_node_buffer2.Buffer.isEncoding(
encoding))throw invalidArgValue("encoding",encoding,"is invalid encoding")}function getOptions(options,defaultOptions={}){if(options==null||typeof options=="fun\
ction")return defaultOptions;let result;if(typeof options=="string")result={...defaultOptions,encoding:options};else{if(typeof options!="object")throw invalidArgType(
"options",["string","Object"],options);result=options}return result.encoding!=="buffer"&&assertEncoding(result.encoding),result.signal!==void 0&&validateAbortSignal(
result.signal,"options.signal"),result}function toUnixTimestamp(time,name2="time"){if(typeof time=="string"&&+time==time)return+time;if(typeof time=="number"&&Number.
isFinite(time))return time<0?Date.now()/1e3:time;if(time instanceof Date)return time.getTime()/1e3;throw invalidArgType(name2,["Date","Time in seconds"],time)}function secondsToNs(seconds){
let whole=Math.floor(seconds),ns=Math.round((seconds-whole)*1e9);return BigInt(whole)*1000000000n+BigInt(ns)}function encodeName(name2,encoding){return encoding===
"buffer"?nameToBytes(name2):(encoding==null||encoding==="utf8"||encoding==="utf-8")&&isWellFormed(name2)?name2:nameToBytes(name2).toString(encoding??"utf8")}function statPath(path2,follow,bigint){let record=follow?context.engine.stat(path2):context.engine.lstat(path2);return toStats(record,bigint)}function statRecordOrUndefined(path2,follow){
let record=context.engine.tryStat(path2,follow);if(record!==void 0)return record;try{return follow?context.engine.stat(path2):context.engine.lstat(path2)}catch(err){
if(err.code==="ENOENT")return;throw err}}function statPathOrUndefined(path2,follow,options){if(options.throwIfNoEntry===!1){let record=statRecordOrUndefined(path2,
follow);return record===void 0?void 0:toStats(record,!!options.bigint)}return statPath(path2,follow,!!options.bigint)}function statSync2(path2,options={bigint:!1,
throwIfNoEntry:!0}){return statPathOrUndefined(validatedPathString(path2),!0,options)}function lstatSync3(path2,options={bigint:!1,throwIfNoEntry:!0}){return statPathOrUndefined(
validatedPathString(path2),!1,options)}function fstatSync2(fd,options={bigint:!1}){return toStats(context.engine.fstat(getValidatedFd(fd)),!!options.bigint)}function statCallback(follow){
return args=>{let[path2,options={bigint:!1},callback]=args;typeof options=="function"&&(callback=options,options={}),callback=makeCallback(callback);let p2=validatedPathString(
path2);return{callback,run:()=>[statPath(p2,follow,!!options.bigint)]}}}var stat=statCallback(!0),lstat=statCallback(!1);function fstat(args){let[fd,options={bigint:!1},
callback]=args;typeof options=="function"&&(callback=options,options={});let validFd=getValidatedFd(fd);return callback=makeCallback(callback),{callback,run:()=>[
toStats(context.engine.fstat(validFd),!!options.bigint)]}}function statPromise(path2,options={bigint:!1}){return statPath(validatedPathString(path2),!0,!!options.
bigint)}function lstatPromise(path2,options={bigint:!1}){return statPath(validatedPathString(path2),!1,!!options.bigint)}function accessMode(mode){return validateModeInCpp(
mode,import_node_fs6.constants.F_OK)}function accessSync(path2,mode){let p2=validatedPathString(path2);context.engine.access(p2,accessMode(mode))}function access(args){
let[path2,mode,callback]=args;typeof mode=="function"&&(callback=mode,mode=import_node_fs6.constants.F_OK);let p2=validatedPathString(path2);callback=makeCallback(
callback);let m=accessMode(mode);return{callback,run:()=>(context.engine.access(p2,m),[])}}function accessPromise(path2,mode=import_node_fs6.constants.F_OK){let p2=validatedPathString(
path2);context.engine.access(p2,accessMode(mode))}function existsSync(path2){let p2;try{p2=getValidatedPath(path2)}catch{return!1}return context.engine.exists(pathString(
p2))}function diskAncestor(p2){let exists=context.originals.existsSync,current=path.resolve(p2);for(;current!=="/"&&!exists(current);)current=path.dirname(current);
return current}function statfsCore(p2,syscallPath,options){try{context.engine.stat(p2)}catch(err){let code=err.code;throw typeof code=="string"&&!code.startsWith(
"ERR_")?uvError(code,"statfs",syscallPath):err}let original=context.originals.statfsSync;return original(diskAncestor(p2),options)}function statfsSync(p2,options={
bigint:!1}){let where=validatedPathString(p2);return statfsCore(where,where,options)}function statfs(args){let[p2,options={bigint:!1},callback]=args;typeof options==
"function"&&(callback=options,options={}),callback=makeCallback(callback);let where=validatedPathString(p2);return{callback,run:()=>[statfsCore(where,where,options)]}}
function statfsPromise(p2,options={bigint:!1}){let where=validatedPathString(p2);return statfsCore(where,where,options)}var import_node_buffer3=require("node:buffer");var import_node_events=require("node:events"),import_node_fs7=require("node:fs");var nodeMajor2=Number(process.versions.node.split(".")[0]);function checkWatchable(target,given){try{context.engine.stat(target)}catch(err){let code=err.code;if(typeof code==
"string"&&!code.startsWith("ERR_")){let error=uvError(code,"watch",given);throw error.filename=given,error}throw err}}function encodeFilename(name2,encoding){return encodeName(
name2,encoding)}function validateWatchOptions(o){o.persistent!==void 0&&validateBoolean(o.persistent,"options.persistent"),o.recursive!==void 0&&validateBoolean(
o.recursive,"options.recursive")}var watchers=new Set;function isWatched(){return watchers.size>0}var lastQueued;function notifyChange(event,absPath,cause=event){
if(watchers.size===0)return;let mergedByKey=new Map;for(let w of watchers){let filename;if(absPath===w.target?filename=path.basename(absPath):path.dirname(absPath)===
w.target?filename=path.basename(absPath):w.recursive&&absPath.startsWith(`${w.target}/`)&&(filename=path.relative(w.target,absPath)),filename===void 0)continue;
let key=`${w.target}\0${absPath}\0${cause}`,merged=mergedByKey.get(key);if(merged===void 0){let last=w.pending?.[w.pending.length-1];merged=key===lastQueued&&last!==
void 0&&last[2]===cause&&last[1]===filename,mergedByKey.set(key,merged),lastQueued=key}merged||queueEvent(w,event,filename,cause)}}function queueEvent(w,event,filename,cause){
w.pending?w.pending.push([event,filename,cause]):w.pending=[[event,filename,cause]],setImmediate(()=>{let next=w.pending?.shift();w.pending?.length===0&&(w.pending=
void 0),next!==void 0&&watchers.has(w)&&w.emit(next[0],next[1])})}var OverlayFSWatcher=class extends import_node_events.EventEmitter{#watcher;constructor(watcher){
super(),this.#watcher=watcher}close(){this.#watcher&&(watchers.delete(this.#watcher),this.#watcher=void 0,process.nextTick(()=>this.emit("close")))}ref(){return this}unref(){
return this}};function recursiveInJs(options){return process.platform==="linux"&&typeof options=="object"&&options!==null&&options.recursive===!0}function watch(filename,options,listener){
if(recursiveInJs(options))return Reflect.apply(context.originals.watch,void 0,[filename,options,listener]);typeof options=="function"&&(listener=options,options=
void 0);let o=getOptions(options),given=validatedPathString(filename,"filename");validateWatchOptions(o);let target=path.resolve(given);checkWatchable(target,given);
let emitter,watcher={target,recursive:!!o.recursive,encoding:o.encoding,emit:(event,name2)=>{emitter.emit("change",event,encodeFilename(name2,o.encoding))}};return emitter=
new OverlayFSWatcher(watcher),watchers.add(watcher),typeof listener=="function"&&emitter.on("change",listener),o.signal&&(o.signal.aborted?process.nextTick(()=>emitter.
close()):o.signal.addEventListener("abort",()=>emitter.close(),{once:!0})),emitter}function watchPromise(filename,options){if(recursiveInJs(options))return context.
originals["promises.watch"](filename,options);let o=getOptions(options),given=validatedPathString(filename,"filename");validateWatchOptions(o),nodeMajor2>=22&&(validateInteger(
o.maxQueue??2048,"options.maxQueue"),validateOneOf(o.overflow??"ignore","options.overflow",["ignore","error"]));let target=path.resolve(given),pending=[],wake,closed=!1,
watcher={target,recursive:!!o.recursive,encoding:void 0,emit:(eventType,name2)=>{pending.push({eventType,filename:encodeFilename(name2,o.encoding)}),wake?.()}};
watchers.add(watcher);let finish=()=>{closed=!0,watchers.delete(watcher),wake?.()};o.signal?.aborted?finish():o.signal?.addEventListener("abort",finish,{once:!0});
let iterator={async next(){for(checkWatchable(target,given);pending.length===0&&!closed;)await new Promise(resolve4=>wake=resolve4);if(pending.length>0)return{value:pending.
shift(),done:!1};if(o.signal?.aborted)throw abortError(o.signal.reason);return{value:void 0,done:!0}},async return(){return finish(),{value:void 0,done:!0}},[Symbol.
asyncIterator](){return iterator}};return iterator}var OverlayStatWatcher=class extends import_node_events.EventEmitter{constructor(target,bigint,interval,persistent){
super();this.target=target;let previous=statOrZero(target,bigint),reportedMissing=!1;this.timer=setInterval(()=>{let current=statOrZero(target,bigint);Number(current.
ino)===0&&Number(previous.ino)===0?(reportedMissing||this.emit("change",current,previous),reportedMissing=!0):(current.mtimeMs!==previous.mtimeMs||current.ctimeMs!==
previous.ctimeMs||current.ino!==previous.ino||current.size!==previous.size)&&this.emit("change",current,previous),previous=current},Math.max(1,interval)),persistent||
this.timer.unref()}target;timer;stop(){this.timer&&(clearInterval(this.timer),this.timer=void 0,pollers.delete(this.target),process.nextTick(()=>this.emit("stop")))}ref(){
return this.timer?.ref(),this}unref(){return this.timer?.unref(),this}},pollers=new Map;function statOrZero(target,bigint){let record=context.engine.tryStat(target,
!0);return record?toStats(record,bigint):toStats({dev:0,ino:0,mode:0,nlink:0,uid:0,gid:0,rdev:0,size:0,blksize:0,blocks:0,atimeNs:0n,mtimeNs:0n,ctimeNs:0n,birthtimeNs:0n},
bigint)}function watchFile(filename,options,listener){let target=path.resolve(validatedPathString(filename,"filename")),o={interval:5007,persistent:!0};options!==
null&&typeof options=="object"?o={...o,...options}:listener=options,validateFunction(listener,"listener");let watcher=pollers.get(target);return watcher||(watcher=
new OverlayStatWatcher(target,!!o.bigint,o.interval??5007,o.persistent!==!1),pollers.set(target,watcher)),watcher.on("change",listener),watcher}function unwatchFile(filename,listener){
let target=path.resolve(validatedPathString(filename,"filename")),watcher=pollers.get(target);watcher&&(typeof listener=="function"?watcher.removeListener("chan\
ge",listener):watcher.removeAllListeners("change"),watcher.listenerCount("change")===0&&watcher.stop())}var writablePaths=new Map,{O_WRONLY:O_WRONLY3,O_RDWR:O_RDWR3,
O_CREAT:O_CREAT3,O_TRUNC:O_TRUNC3}=import_node_fs7.constants;function existedBeforeOpen(p2,flags){return watchers.size===0||(flags&O_CREAT3)===0?!0:context.engine.
exists(p2)}function noteOpen(fd,p2,flags,existedBefore){if(watchers.size===0||(flags&(O_WRONLY3|O_RDWR3))===0)return;let abs=path.resolve(p2);writablePaths.set(
fd,abs),existedBefore||notifyChange("rename",abs,"create"),existedBefore&&(flags&O_TRUNC3)!==0&&notifyChange("change",abs,"modify")}function noteWrite(fd,bytes){
if(bytes===0)return;let abs=writablePaths.get(fd);abs!==void 0&&notifyChange("change",abs,"modify")}function noteClose(fd){writablePaths.delete(fd)}function bytesOf(view){return view instanceof Uint8Array?view:new Uint8Array(view.buffer,view.byteOffset,view.byteLength)}function enginePosition(position){return typeof position==
"bigint"?position<0n?null:Number(position>2n**53n-1n?2n**53n-1n:position):typeof position!="number"||!Number.isSafeInteger(position)||position<0?null:position}function openTracked(p2,flags,mode){
let existed=existedBeforeOpen(p2,flags),fd=context.engine.open(p2,flags,mode);return noteOpen(fd,p2,flags,existed),fd}function openSync2(path2,flags,mode){let p2=validatedPathString(
path2),f=stringToFlags(flags),m=parseFileMode(mode,"mode",438);return openTracked(p2,f,m)}function open(args){let[path2,flags,mode,callback]=args,p2=validatedPathString(
path2);args.length<3?(callback=flags,flags="r",mode=438):typeof mode=="function"?(callback=mode,mode=438):mode=parseFileMode(mode,"mode",438);let f=stringToFlags(
flags);return callback=makeCallback(callback),{callback,run:()=>[openTracked(p2,f,mode)]}}function closeTracked(fd){context.engine.close(fd),noteClose(fd)}function closeSync2(fd){
closeTracked(getValidatedFd(fd))}function defaultCloseCallback(err){if(err!=null)throw err}function close(args){let[fd,callback=defaultCloseCallback]=args;callback!==
defaultCloseCallback&&(callback=makeCallback(callback));let validFd=getValidatedFd(fd);return{callback,run:()=>(closeTracked(validFd),[])}}var nodeMajor3=Number(
process.versions.node.split(".")[0]);function validatePosition(position,name2,length){if(typeof position=="number")validateInteger(position,name2,-1);else if(typeof position==
"bigint"){let[min,max]=nodeMajor3>=22?[-1n,2n**63n-1n-BigInt(length)]:[-(2n**63n),2n**63n-1n];if(!(position>=min&&position<=max))throw outOfRange(name2,`>= ${min}\
 && <= ${max}`,position)}else throw invalidArgType(name2,["integer","bigint"],position)}function validateOffsetLengthRead(offset,length,bufferLength){if(offset<
0)throw outOfRange("offset",">= 0",offset);if(length<0)throw outOfRange("length",">= 0",length);if(offset+length>bufferLength)throw outOfRange("length",`<= ${bufferLength-
offset}`,length)}function checkRead(fd,buffer,offset,length,position){offset==null?offset=0:validateInteger(offset,"offset",0);let len=length|0;if(nodeMajor3>=22&&
(position==null?position=-1:validatePosition(position,"position",len)),len===0)return 0;if(buffer.byteLength===0)throw invalidArgValue("buffer",buffer,"is empty\
 and cannot be written");return validateOffsetLengthRead(offset,len,buffer.byteLength),nodeMajor3<22&&(position==null&&(position=-1),validatePosition(position,"\
position",len)),{fd,buffer,offset,length:len,position}}function runRead(r){return context.engine.read(r.fd,bytesOf(r.buffer),r.offset,r.length,enginePosition(r.
position))}function readSync2(...args){let[fd,buffer,offsetOrOptions,length,position]=args;validateBuffer(buffer);let offset=offsetOrOptions;if(args.length<=3||
typeof offsetOrOptions=="object"){offsetOrOptions!==void 0&&validateObject(offsetOrOptions,"options",!0);let o=offsetOrOptions??{};offset=o.offset===void 0?0:o.
offset,length=o.length===void 0?buffer.byteLength-offset:o.length,position=o.position===void 0?null:o.position}let request=checkRead(getValidatedFd(fd),buffer,offset,
length,position);return typeof request=="number"?request:runRead(request)}function read(args){let[fd,buffer,offsetOrOptions,length,position,callback]=args,validFd=getValidatedFd(
fd),offset=offsetOrOptions,params=null;if(args.length<=4){if(args.length===4)validateObject(offsetOrOptions,"options",!0),callback=length,params=offsetOrOptions;else if(args.
length===3){if(!ArrayBuffer.isView(buffer)){params=buffer;let given=(params??{}).buffer;buffer=given===void 0?import_node_buffer3.Buffer.alloc(16384):given}callback=
offsetOrOptions}else callback=buffer,buffer=import_node_buffer3.Buffer.alloc(16384);params!==void 0&&validateObject(params,"options",!0);let o=params??{};offset=
o.offset===void 0?0:o.offset,length=o.length===void 0?buffer?.byteLength-offset:o.length,position=o.position===void 0?null:o.position}validateBuffer(buffer),validateFunction(
callback,"cb");let request=checkRead(validFd,buffer,offset,length,position),cb=callback;return typeof request=="number"?{callback:cb,run:()=>[0,buffer]}:{callback:cb,
run:()=>[runRead(request),buffer]}}function validateBufferArray(buffers,propName="buffers"){if(!Array.isArray(buffers))throw invalidArgType(propName,"ArrayBuffe\
rView[]",buffers);for(let b of buffers)if(!ArrayBuffer.isView(b))throw invalidArgType(propName,"ArrayBufferView[]",buffers);return buffers}function runReadv(fd,buffers,position){
let pos=typeof position=="number"?enginePosition(position):null,total=0;for(let b of buffers){if(b.byteLength===0)continue;let n=context.engine.read(fd,bytesOf(
b),0,b.byteLength,pos);if(total+=n,pos!==null&&(pos+=n),n<b.byteLength)break}return total}function readvSync(fd,buffers,position){return validateBufferArray(buffers),
runReadv(getValidatedFd(fd),buffers,position)}function readv(args){let[fd,buffers,position,callback]=args,validFd=getValidatedFd(fd);return validateBufferArray(
buffers),callback||=position,validateFunction(callback,"cb"),{callback,run:()=>[runReadv(validFd,buffers,position),buffers]}}function validateOffsetLengthWrite(offset,length,byteLength){
if(offset>byteLength)throw outOfRange("offset",`<= ${byteLength}`,offset);if(length>byteLength-offset)throw outOfRange("length",`<= ${byteLength-offset}`,length);
if(length<0)throw outOfRange("length",">= 0",length);validateInt32(length,"length",0)}function validateStringAfterArrayBufferView(buffer,name2){if(typeof buffer!=
"string")throw invalidArgType(name2,["string","Buffer","TypedArray","DataView"],buffer)}function validateEncoding(data,encoding){if((typeof encoding=="string"?encoding.
toLowerCase():encoding)==="hex"&&data.length%2!==0)throw invalidArgValue("encoding",encoding,`is invalid for data of length ${data.length}`)}function runWrite(w){
let written=context.engine.write(w.fd,w.bytes,w.offset,w.length,w.position);return noteWrite(w.fd,written),written}function bufferWrite(fd,buffer,offsetOrOptions,length,position){
let offset=offsetOrOptions;if(typeof offset=="object"){let o=offsetOrOptions??{};offset=o.offset===void 0?0:o.offset,length=o.length===void 0?buffer.byteLength-
offset:o.length,position=o.position===void 0?null:o.position}return offset==null||typeof offset=="function"?offset=0:validateInteger(offset,"offset",0),typeof length!=
"number"&&(length=buffer.byteLength-offset),validateOffsetLengthWrite(offset,length,buffer.byteLength),{fd,bytes:bytesOf(buffer),offset,length,position:typeof position==
"number"?enginePosition(position):null}}function stringWrite(fd,data,position,encoding){let bytes=import_node_buffer3.Buffer.from(data,encoding??"utf8");return{
fd,bytes,offset:0,length:bytes.length,position:typeof position=="number"?enginePosition(position):null}}function writeSync(fd,buffer,offsetOrOptions,length,position){
let validFd=getValidatedFd(fd);return ArrayBuffer.isView(buffer)?(typeof offsetOrOptions!="object"&&position===void 0&&(position=null),runWrite(bufferWrite(validFd,
buffer,offsetOrOptions,length,position))):(validateStringAfterArrayBufferView(buffer,"buffer"),validateEncoding(buffer,length),runWrite(stringWrite(validFd,buffer,
offsetOrOptions,length)))}function write(args){let[fd,buffer,offset,length,position,callback]=args,validFd=getValidatedFd(fd);if(ArrayBuffer.isView(buffer)){callback||=
position||length||offset,validateFunction(callback,"cb");let request2=bufferWrite(validFd,buffer,offset,typeof length=="function"?void 0:length,typeof position==
"function"?void 0:position);return{callback,run:()=>[runWrite(request2),buffer]}}validateStringAfterArrayBufferView(buffer,"buffer"),typeof position!="function"&&
(typeof offset=="function"?(position=offset,offset=null):position=length,length="utf8"),validateEncoding(buffer,length),callback=position,validateFunction(callback,
"cb");let request=stringWrite(validFd,buffer,offset,length);return{callback,run:()=>[runWrite(request),buffer]}}function runWritev(fd,buffers,position){let pos=typeof position==
"number"?enginePosition(position):null,total=0;for(let b of buffers){let n=context.engine.write(fd,bytesOf(b),0,b.byteLength,pos);total+=n,pos!==null&&(pos+=n)}
return noteWrite(fd,total),total}function writevSync(fd,buffers,position){validateBufferArray(buffers);let validFd=getValidatedFd(fd);return buffers.length===0?
0:runWritev(validFd,buffers,position)}function writev(args){let[fd,buffers,position,callback]=args,validFd=getValidatedFd(fd);return validateBufferArray(buffers),
callback||=position,validateFunction(callback,"cb"),{callback,run:()=>[buffers.length===0?0:runWritev(validFd,buffers,position),buffers]}}function fsyncSync(fd){
context.engine.fsync(getValidatedFd(fd))}function fdatasyncSync(fd){context.engine.fdatasync(getValidatedFd(fd))}function fsync(args){let[fd,callback]=args,validFd=getValidatedFd(
fd);return{callback:makeCallback(callback),run:()=>(context.engine.fsync(validFd),[])}}function fdatasync(args){let[fd,callback]=args,validFd=getValidatedFd(fd);
return{callback:makeCallback(callback),run:()=>(context.engine.fdatasync(validFd),[])}}function ftruncateSync(fd,len=0){validateInteger(len,"len"),context.engine.
ftruncate(getValidatedFd(fd),len<0?0:len)}function ftruncate(args){let[fd,len=0,callback]=args;typeof len=="function"&&(callback=len,len=0),validateInteger(len,
"len");let l=Math.max(0,len);callback=makeCallback(callback);let validFd=getValidatedFd(fd);return{callback,run:()=>(context.engine.ftruncate(validFd,l),[])}}function fchmodSync(fd,mode){
let validFd=getValidatedFd(fd);context.engine.fchmod(validFd,parseFileMode(mode,"mode"))}function fchmod(args){let[fd,mode,callback]=args,validFd=getValidatedFd(
fd),m=parseFileMode(mode,"mode");return{callback:makeCallback(callback),run:()=>(context.engine.fchmod(validFd,m),[])}}var kMaxUserId=2**32-1;function validateIds(uid,gid){
validateInteger(uid,"uid",-1,kMaxUserId),validateInteger(gid,"gid",-1,kMaxUserId)}function fchownSync(fd,uid,gid){let validFd=getValidatedFd(fd);validateIds(uid,
gid),context.engine.fchown(validFd,uid,gid)}function fchown(args){let[fd,uid,gid,callback]=args,validFd=getValidatedFd(fd);return validateIds(uid,gid),{callback:makeCallback(
callback),run:()=>(context.engine.fchown(validFd,uid,gid),[])}}function futimesSync(fd,atime,mtime){let validFd=getValidatedFd(fd),a=secondsToNs(toUnixTimestamp(
atime,"atime")),m=secondsToNs(toUnixTimestamp(mtime,"mtime"));context.engine.futimes(validFd,a,m)}function futimes(args){let[fd,atime,mtime,callback]=args,validFd=getValidatedFd(
fd),a=secondsToNs(toUnixTimestamp(atime,"atime")),m=secondsToNs(toUnixTimestamp(mtime,"mtime"));return{callback:makeCallback(callback),run:()=>(context.engine.futimes(
validFd,a,m),[])}}var import_node_buffer4=require("node:buffer"),import_node_buffer5=require("node:buffer"),import_node_fs8=require("node:fs");var nodeMajor4=Number(process.versions.node.split(".")[0]),kIoMaxLength=2**31-1;function isFd(path2){return typeof path2=="number"&&(path2|0)===path2}function fileTooLarge(size){
return withFrames(nodeError(RangeError,"ERR_FS_FILE_TOO_LARGE",`File size (${size}) is greater than 2 GiB`),fileTooLarge)}function readAllFromFd(fd){let stat2=context.
engine.fstat(fd),isFile=(stat2.mode&import_node_fs8.constants.S_IFMT)===import_node_fs8.constants.S_IFREG;if(isFile&&stat2.size>kIoMaxLength)throw fileTooLarge(
stat2.size);let chunks=[],total=0,chunkSize=isFile&&stat2.size>0?Math.min(stat2.size,kIoMaxLength):8192;for(;;){let chunk=import_node_buffer4.Buffer.allocUnsafe(
chunkSize),n=context.engine.read(fd,chunk,0,chunkSize,null);if(n===0)break;chunks.push(n===chunkSize?chunk:chunk.subarray(0,n)),total+=n}return import_node_buffer4.Buffer.
concat(chunks,total)}function writeAllToFd(fd,data){let offset=0;for(;offset<data.byteLength;)offset+=context.engine.write(fd,data,offset,data.byteLength-offset,
null)}function decode(buffer,encoding){return encoding&&encoding!=="buffer"?buffer.toString(encoding):buffer}function checkAborted(signal){if(signal?.aborted)throw abortError(
signal.reason)}function afterATurn(signal,work){if(!signal)return work();let turn=()=>new Promise(resolve4=>setImmediate(resolve4));return turn().then(turn).then(
()=>(checkAborted(signal),work()))}function readFileCore(path2,flag,tooLargeChecked=!0){if(isFd(path2))return readAllFromFd(path2);let p2=validatedPathString(path2),
content;try{content=context.engine.readFile(p2,stringToFlags(flag,"options.flag"))}catch(err){if(err instanceof RangeError){let size=context.engine.stat(p2).size;
if(size>kIoMaxLength)throw fileTooLarge(size)}throw err}if(tooLargeChecked&&content.length>kIoMaxLength)throw fileTooLarge(content.length);return content}function isUtf82(encoding){
return encoding==="utf8"||encoding==="utf-8"}function readFileSync(path2,options){let o=getOptions(options,{flag:"r"});return decode(readFileCore(path2,o.flag,!isUtf82(
o.encoding)),o.encoding)}function readFile(args){let[path2,options,callback]=args;callback||=options,validateFunction(callback,"cb");let o=getOptions(options,{flag:"\
r"}),given;isFd(path2)||(stringToFlags(o.flag,"options.flag"),given=getValidatedPath(path2));let signal=o.signal;return{callback,run:()=>(checkAborted(signal),afterATurn(
signal,()=>{try{return[decode(readFileCore(path2,o.flag),o.encoding)]}catch(err){throw given===void 0?err:readFileJobError(err,given)}}))}}async function readFilePromise(path2,options){
let o=getOptions(options,{flag:"r"}),flag=o.flag||"r";if(isOurFileHandle(path2))return checkAborted(o.signal),afterATurn(o.signal,()=>decode(readAllFromFd(path2.
fd),o.encoding));checkAborted(o.signal);let given=getValidatedPath(path2);return afterATurn(o.signal,()=>{try{return decode(readFileCore(given,flag),o.encoding)}catch(err){
throw readFileJobError(err,given)}})}function readFileJobError(err,given){let e=err;return nodeMajor4>=26&&e.syscall==="read"&&e.path===void 0&&typeof e.code=="\
string"?framelessForPromise(uvError(e.code,"read",pathString(given))):err}function validateStringData(data,name2){if(typeof data!="string")throw invalidArgType(
name2,["string","Buffer","TypedArray","DataView"],data)}function dataBytes(data,encoding){return ArrayBuffer.isView(data)?bytesOf(data):(validateStringData(data,
"data"),import_node_buffer4.Buffer.from(data,encoding||"utf8"))}function writeFileCore(path2,data,options,defaultFlag){if(isFd(path2)){writeAllToFd(path2,data),
options.flush&&fs.fsyncSync(path2);return}let p2=validatedPathString(path2),flags=stringToFlags(options.flag||defaultFlag,"flags"),mode=parseFileMode(options.mode,
"mode",438);if(options.flush){let fd=context.engine.open(p2,flags,mode);try{writeAllToFd(fd,data),fs.fsyncSync(fd)}finally{context.engine.close(fd)}return}context.
engine.writeFile(p2,data,flags,mode)}function flushedWrite(path2,bytes,o,defaultFlag){let ownFd=!isFd(path2),fd=ownFd?context.engine.open(validatedPathString(path2),
stringToFlags(o.flag||defaultFlag,"flags"),parseFileMode(o.mode,"mode",438)):path2;try{writeAllToFd(fd,bytes)}catch(err){return ownFd&&context.engine.close(fd),
Promise.reject(err)}return new Promise((resolve4,reject)=>{fs.fsync(fd,err=>{if(ownFd)try{context.engine.close(fd)}catch(closeError){err??=closeError}err?reject(
err):resolve4([])})})}var writeDefaults=flag=>({encoding:"utf8",mode:438,flag,flush:!1});function writeFileSync(path2,data,options){let o=getOptions(options,writeDefaults(
"w"));validateBoolean(o.flush??!1,"options.flush"),writeFileCore(path2,dataBytes(data,o.encoding),o,"w")}function appendFileSync(path2,data,options){let o={...getOptions(
options,{encoding:"utf8",mode:438,flag:"a"})};(!o.flag||isFd(path2))&&(o.flag="a"),writeFileSync(path2,data,o)}function writeFileJob(path2,data,options,callback,defaultFlag){
validateFunction(callback,"cb");let o=getOptions(typeof options=="function"?null:options,writeDefaults(defaultFlag));validateBoolean(o.flush??!1,"options.flush");
let bytes=dataBytes(data,o.encoding);isFd(path2)||getValidatedPath(path2);let signal=o.signal;return o.flush?{callback,run:()=>flushedWrite(path2,bytes,o,defaultFlag)}:
{callback,run:()=>(checkAborted(signal),afterATurn(signal,()=>(writeFileCore(path2,bytes,o,defaultFlag),[])))}}function writeFile(args){let[path2,data,options,callback]=args;
return callback||=options,writeFileJob(path2,data,options,callback,"w")}function appendFile(args){let[path2,data,options,callback]=args;callback||=options,validateFunction(
callback,"cb");let o={...getOptions(typeof options=="function"?null:options,{encoding:"utf8",mode:438,flag:"a"})};return(!o.flag||isFd(path2))&&(o.flag="a"),writeFileJob(
path2,data,o,callback,"a")}function isCustomIterable(data){return data!=null&&typeof data=="object"&&(typeof data[Symbol.iterator]=="function"||typeof data[Symbol.
asyncIterator]=="function")}async function collectIterable(data,encoding){let chunks=[];for await(let chunk of data)if(typeof chunk=="string")chunks.push(import_node_buffer4.Buffer.
from(chunk,encoding||"utf8"));else if(ArrayBuffer.isView(chunk))chunks.push(bytesOf(chunk));else throw invalidArgType("data",["string","Buffer","TypedArray","Da\
taView"],chunk);return import_node_buffer4.Buffer.concat(chunks)}async function writeFilePromiseCore(path2,data,options,defaultFlag){let o=getOptions(options,writeDefaults(
defaultFlag));validateBoolean(o.flush??!1,"options.flush"),parseFileMode(o.mode,"mode",438);let bytes;if(ArrayBuffer.isView(data)?bytes=bytesOf(data):typeof data!=
"string"&&isCustomIterable(data)?bytes=await collectIterable(data,o.encoding):bytes=dataBytes(data,o.encoding),isOurFileHandle(path2)){let handle=path2;checkAborted(
o.signal),await afterATurn(o.signal,()=>writeAllToFd(handle.fd,bytes));return}checkAborted(o.signal);let given=getValidatedPath(path2);await afterATurn(o.signal,
()=>writeFileCore(given,bytes,o,defaultFlag))}function writeFilePromise(path2,data,options){return writeFilePromiseCore(path2,data,options,"w")}function appendFilePromise(path2,data,options){
let o={...getOptions(options,{encoding:"utf8",mode:438,flag:"a"})};return(!o.flag||isOurFileHandle(path2))&&(o.flag="a"),writeFilePromiseCore(path2,data,o,"a")}
var truncateFdWarned=!1;function warnTruncateFd(){truncateFdWarned||(truncateFdWarned=!0,process.emitWarning("Using fs.truncate with a file descriptor is deprec\
ated. Please use fs.ftruncate with a file descriptor instead.","DeprecationWarning","DEP0081"))}function truncateSync(path2,len=0){if(isFd(path2)){warnTruncateFd(),
validateInteger(len,"len"),context.engine.ftruncate(getValidatedFd(path2),Math.max(0,len));return}let p2=validatedPathString(path2);validateInteger(len,"len"),context.
engine.truncate(p2,Math.max(0,len))}function truncate(args){let[path2,len=0,callback]=args;typeof len=="function"&&(callback=len,len=0),isFd(path2)&&warnTruncateFd();
let p2=isFd(path2)?path2:validatedPathString(path2);validateInteger(len,"len");let l=Math.max(0,len);return callback=makeCallback(callback),{callback,run:()=>(typeof p2==
"number"?context.engine.ftruncate(p2,l):context.engine.truncate(p2,l),[])}}function truncatePromise(path2,len=0){let p2=validatedPathString(path2);validateInteger(
len,"len"),context.engine.truncate(p2,Math.max(0,len))}function copyMode(mode){return validateModeInCpp(mode,0)}function copyFileCore(src,dest,mode){if(ownsPath(
dest)){context.engine.copyFile(src,dest,mode);return}let data=context.engine.readFile(src),original=context.originals.writeFileSync;original(dest,data,{flag:mode&
import_node_fs8.constants.COPYFILE_EXCL?"wx":"w",mode:context.engine.stat(src).mode&4095})}function copyFileSync(src,dest,mode){let s2=validatedPathString(src,"\
src"),d=validatedPathString(dest,"dest");copyFileCore(s2,d,copyMode(mode))}function copyFile(args){let[src,dest,mode,callback]=args;typeof mode=="function"&&(callback=
mode,mode=0);let s2=validatedPathString(src,"src"),d=validatedPathString(dest,"dest");callback=makeCallback(callback);let m=copyMode(mode);return{callback,run:()=>(copyFileCore(
s2,d,m),[])}}function copyFilePromise(src,dest,mode){let s2=validatedPathString(src,"src"),d=validatedPathString(dest,"dest");copyFileCore(s2,d,copyMode(mode))}
function blobOptions(path2,options){validateObject(options,"options");let type=options.type||"";return validateString(type,"options.type"),{path:pathString(getValidatedPath(
path2)),type}}function blobOf(path2,type){try{return new import_node_buffer5.Blob([context.engine.readFile(path2)],{type})}catch{return new DOMException("The bl\
ob could not be read","NotReadableError")}}function openAsBlob(path2,options={}){let o=blobOptions(path2,options);return Promise.resolve(blobOf(o.path,o.type))}
function openAsBlobSync(path2,options={}){let o=blobOptions(path2,options),blob=blobOf(o.path,o.type);if(blob instanceof DOMException)throw blob;return blob}function isOurFileHandle(value){
return value!==null&&typeof value=="object"&&!(value instanceof URL)&&!ArrayBuffer.isView(value)&&ownsFd(value.fd)}var import_node_fs11=require("node:fs");var import_node_fs9=require("node:fs");var import_node_buffer6=require("node:buffer");var loaded;function loadRimraf(){return loaded??={lstatSync:fs.lstatSync,unlinkSync:fs.unlinkSync,readdirSync:fs.readdirSync,rmdirSync:fs.rmdirSync},loaded}function rimrafCallsOnlyOurFaces(){
let use=loadRimraf();return context.faces.has(use.lstatSync)&&context.faces.has(use.unlinkSync)&&context.faces.has(use.readdirSync)&&context.faces.has(use.rmdirSync)&&
context.faces.has(fs.rmdirSync)}var notEmptyCodes=new Set(["ENOTEMPTY","EEXIST","EPERM"]),retryCodes=new Set(["EBUSY","EMFILE","ENFILE","ENOTEMPTY","EPERM"]),separator=import_node_buffer6.Buffer.
from("/");function codeOf2(err){return err?.code}function sleep(ms){Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,ms)}function rimrafSync(path2,options){
let use=loadRimraf(),stats;try{stats=use.lstatSync(path2)}catch(err){if(codeOf2(err)==="ENOENT")return}try{stats?.isDirectory()?removeDirectory(use,path2,options,
null):use.unlinkSync(path2)}catch(err){let code=codeOf2(err);if(code==="ENOENT")return;if(code==="EPERM")return removeDirectory(use,path2,options,err);if(code!==
"EISDIR")throw err;removeDirectory(use,path2,options,err)}}function removeDirectory(use,path2,options,originalErr){try{use.rmdirSync(path2)}catch(err){let code=codeOf2(
err);if(code==="ENOENT")return;if(code==="ENOTDIR")throw originalErr??err;if(typeof code=="string"&&notEmptyCodes.has(code)){let pathBuf=import_node_buffer6.Buffer.
from(path2);for(let child of use.readdirSync(pathBuf,"buffer"))rimrafSync(import_node_buffer6.Buffer.concat([pathBuf,separator,child]),options);let tries=options.
maxRetries+1;for(let i=1;i<=tries;i++)try{return fs.rmdirSync(path2)}catch(retryErr){let retryCode=codeOf2(retryErr);if(typeof retryCode=="string"&&retryCodes.has(
retryCode)&&i<tries&&options.retryDelay>0)sleep(i*options.retryDelay);else{if(retryCode==="ENOENT")return;if(i===tries)throw retryErr}}}throw originalErr??err}}var nodeMajor5=Number(process.versions.node.split(".")[0]),nodeMinor=Number(process.versions.node.split(".")[1]);function validateRmOptions(options){if(options===
void 0)return{recursive:!1,force:!1,maxRetries:0,retryDelay:100};validateObject(options,"options");let o={recursive:!1,force:!1,retryDelay:100,maxRetries:0,...options};
return validateBoolean(o.recursive,"options.recursive"),validateInt32(o.retryDelay,"options.retryDelay",0),validateUint32(o.maxRetries,"options.maxRetries"),validateBoolean(
o.force,"options.force"),{recursive:o.recursive,force:o.force,maxRetries:o.maxRetries,retryDelay:o.retryDelay}}function codeOf3(err){return err?.code}function rmCore(p2,options,lstatAlways=!1){
if(lstatAlways||!options.force||!options.recursive){let record=options.force?statRecordOrUndefined(p2,!1):context.engine.lstat(p2);if(record!==void 0&&(record.mode&
import_node_fs9.constants.S_IFMT)===import_node_fs9.constants.S_IFDIR&&!options.recursive)throw fsEisdir(p2);if(record===void 0)return}if(options.recursive&&lastComponent2(
p2)===".."&&isDirectory2(p2))return rimrafDotDot(p2,lstatAlways);try{context.engine.rm(p2,options)}catch(err){let e=err;if(e.code==="EISDIR"&&e.syscall==="rm")throw fsEisdir(
p2);if(lstatAlways&&e.code==="ENOTDIR"&&e.syscall==="rmdir"&&e.path===p2)return;if(e.code==="EPERM"&&e.syscall==="unlink"&&e.path===p2)return rimrafAfterUnlinkEperm(
p2,err);throw err}}function isDirectory2(p2){try{let record=context.engine.tryStat(p2,!1);return record!==void 0&&(record.mode&import_node_fs9.constants.S_IFMT)===
import_node_fs9.constants.S_IFDIR}catch{return!1}}function rimrafDotDot(p2,lstatAlways){try{context.engine.rmdir(p2);return}catch(err){let code=codeOf3(err);if(code===
"ENOENT")return;if(code!=="ENOTEMPTY"&&code!=="EEXIST"&&code!=="EPERM")throw err}for(let entry of context.engine.readdir(p2))rmCore(`${p2}/${entry.name}`,{recursive:!0,
force:!0},lstatAlways);try{context.engine.rmdir(p2)}catch(err){if(codeOf3(err)!=="ENOENT")throw err}}function rimrafAfterUnlinkEperm(p2,unlinkError){try{context.
engine.rmdir(p2);return}catch(err){let code=codeOf3(err);if(code==="ENOENT")return;if(code==="ENOTDIR")throw unlinkError;if(code!=="EPERM"&&code!=="ENOTEMPTY"&&
code!=="EEXIST")throw err}throw context.engine.readdir(p2),unlinkError}var ERRNO={EPERM:1,EACCES:13,ENOTDIR:20},STRERROR={ELOOP:"Too many levels of symbolic lin\
ks",EINVAL:"Invalid argument",EROFS:"Read-only file system",EBUSY:"Device or resource busy",ENAMETOOLONG:"File name too long",EIO:"Input/output error",EMFILE:"T\
oo many open files",ENFILE:"Too many open files in system",ENOSPC:"No space left on device",EEXIST:"File exists",EISDIR:"Is a directory",EXDEV:"Invalid cross-de\
vice link",EFAULT:"Bad address",ENOMEM:"Cannot allocate memory"},UV_EUNKNOWN=-4094;function nativeRmError(code,path2,major=nodeMajor5,minor=nodeMinor){let errnoCode,
label;switch(code){case"EPERM":[errnoCode,label]=["EPERM","Operation not permitted"];break;case"ENOTEMPTY":[errnoCode,label]=["EACCES","Directory not empty"];break;case"\
ENOTDIR":[errnoCode,label]=["ENOTDIR","Not a directory"];break;case"EACCES":[errnoCode,label]=["EACCES","Permission denied"];break;default:return errnoException(
"",UV_EUNKNOWN,`Unknown error: ${STRERROR[code]??code}`,path2)}let msg=major<26&&!(major===24&&minor>=22)?`${label}: ${path2}`:`${label}:`;return errnoException(
errnoCode,ERRNO[errnoCode],msg,path2)}function errnoException(code,errno,msg,path2){let err=new Error(`${code}, ${msg} '${path2}'`);return err.errno=errno,err.code=
code,err.path=path2,err.syscall="rm",err}function lastComponent2(p2){let trimmed=p2.replace(/\/+$/,"");return trimmed.slice(trimmed.lastIndexOf("/")+1)}function nativeRmSync(engine,p2,options,major=nodeMajor5){
if(!options.force||!options.recursive){let record;try{record=engine.lstat(p2)}catch(err){if(options.force&&codeOf3(err)==="ENOENT")return;throw err}if((record.mode&
import_node_fs9.constants.S_IFMT)===import_node_fs9.constants.S_IFDIR&&!options.recursive)throw fsEisdir(p2)}else try{engine.lstat(p2)}catch(err){let code=codeOf3(
err);if(code==="ENOENT"||code==="ENOTDIR")return}try{let last=lastComponent2(p2);options.recursive&&(last==="."||last==="..")?removeDotDirectory(engine,p2):engine.
rm(p2,{recursive:options.recursive,force:!0,childrenFirst:!0})}catch(err){let code=codeOf3(err);if(code==="ENOENT")return;throw nativeRmError(typeof code=="stri\
ng"?code:"EIO",p2,major)}}function removeDotDirectory(engine,p2){let base=engine.realpath(p2).replace(/\/+$/,"");for(let entry of engine.readdir(p2))engine.rm(`${base}\
/${entry.name}`,{recursive:!0,force:!0,childrenFirst:!0});engine.rmdir(p2)}function rmSync(p2,options){let target=validatedPathString(p2),o=validateRmOptions(options);
nodeMajor5>=24?nativeRmSync(context.engine,target,o):rimrafCallsOnlyOurFaces()?rmCore(target,o):rimrafSyncAfterChecks(target,o)}function rimrafSyncAfterChecks(p2,options){
if(!options.force||!options.recursive){let record=options.force?statRecordOrUndefined(p2,!1):context.engine.lstat(p2);if(record!==void 0&&(record.mode&import_node_fs9.constants.
S_IFMT)===import_node_fs9.constants.S_IFDIR&&!options.recursive)throw fsEisdir(p2)}rimrafSync(p2,{maxRetries:options.maxRetries??0,retryDelay:options.retryDelay??
100})}function rm(args){let[p2,options,callback]=args;typeof options=="function"&&(callback=options,options=void 0),callback=makeCallback(callback);let target=validatedPathString(
p2),o=validateRmOptions(options);return nodeMajor5<24&&loadRimraf(),{callback,run:()=>(rmCore(target,o,!0),[])}}function rmPromise(p2,options){let target=validatedPathString(
p2),o=validateRmOptions(options);nodeMajor5<24&&loadRimraf();try{rmCore(target,o,!0)}catch(err){throw framelessForPromise(err)}}var import_node_fs10=require("node:fs");var FINAL=new Set(["EACCES","ENOSPC","ENOTDIR","EPERM"]);function mkdirOnce(p2,mode){try{context.engine.mkdir(p2,mode,!1);return}catch(error){if(codeOf(error)===
void 0)throw error;return error}}function isDirectory3(record){return(record.mode&import_node_fs10.constants.S_IFMT)===import_node_fs10.constants.S_IFDIR}function mkdirpAsync(target,mode){
let pending=[target],first;for(;pending.length>0;){let next=pending.pop(),failure=mkdirOnce(next,mode),code=codeOf(failure);if(code===void 0){first??=next;continue}
if(FINAL.has(code))throw failure;if(code==="ENOENT"){let cut=next.lastIndexOf("/"),parent=cut===-1?next:next.slice(0,cut);if(parent!==next){pending.push(next,parent);
continue}if(pending.length>0)throw uvError("ENOENT","mkdir",next);code="EEXIST"}let record,statCode;try{record=context.engine.stat(next)}catch(error){if(statCode=
codeOf(error),statCode===void 0)throw error}if(code==="EEXIST"&&pending.length>0){if(record!==void 0&&isDirectory3(record))continue;throw uvError("ENOTDIR","mkd\
ir",next)}if(statCode!==void 0)throw uvError(statCode,"mkdir",next);if(!isDirectory3(record))throw uvError("EEXIST","mkdir",next);return first}return first}var constants8=import_node_fs11.constants,nodeMajor6=Number(process.versions.node.split(".")[0]);function mkdirArgs(p2,options,form,callback){let mode=511,recursive=!1,
early=nodeMajor6>=22&&form!=="promise";if(typeof options=="number"||typeof options=="string")mode=early?parseFileMode(options,"mode"):options;else if(options&&typeof options==
"object"){let o=options;o.recursive!==void 0&&(recursive=o.recursive,early&&validateBoolean(recursive,"options.recursive")),o.mode!==void 0&&(mode=early?parseFileMode(
o.mode,"options.mode"):o.mode)}let cb=form==="callback"?makeCallback(callback):void 0,target=validatedPathString(p2);return validateBoolean(recursive,"options.r\
ecursive"),early||(mode=parseFileMode(mode,"mode",511)),{target,mode,recursive,cb}}function mkdirSync(p2,options){let{target,mode,recursive}=mkdirArgs(p2,options,
"sync"),first=context.engine.mkdir(target,mode,recursive);return recursive?first:void 0}function mkdir(args){let[p2,options,callback]=args,{target,mode,recursive,
cb}=typeof options=="function"?mkdirArgs(p2,void 0,"callback",options):mkdirArgs(p2,options,"callback",callback);return{callback:cb,run:()=>recursive?[mkdirpAsync(
target,mode)]:(context.engine.mkdir(target,mode,!1),[])}}function mkdirPromise(p2,options){let{target,mode,recursive}=mkdirArgs(p2,options,"promise");if(recursive)
return mkdirpAsync(target,mode);context.engine.mkdir(target,mode,!1)}var nonPortableTemplateWarned=!1;function warnOnNonPortableTemplate(template){let last=typeof template==
"string"?template.endsWith("X"):template.at(-1)===88;!nonPortableTemplateWarned&&last&&(process.emitWarning("mkdtemp() templates ending with X are not portable.\
 For details see: https://nodejs.org/api/fs.html"),nonPortableTemplateWarned=!0)}function mkdtempCore(prefix,options){let validPrefix=getValidatedPath(prefix,"p\
refix");return warnOnNonPortableTemplate(validPrefix),()=>encodeName(context.engine.mkdtemp(pathString(validPrefix)),options.encoding)}function mkdtempSync(prefix,options){
return mkdtempCore(prefix,getOptions(options))()}var TEMPLATE="XXXXXX",TEMP_LETTERS="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";function namingTriedPath(error){
let e=error;if(!(error instanceof Error)||e.syscall!=="mkdtemp"||typeof e.path!="string"||!e.path.endsWith(TEMPLATE))return error;let tried=e.path.slice(0,-TEMPLATE.
length);for(let i=0;i<TEMPLATE.length;i++)tried+=TEMP_LETTERS[Math.floor(Math.random()*TEMP_LETTERS.length)];return error.message=error.message.replace(`'${e.path}\
'`,`'${tried}'`),e.path=tried,error}function mkdtempAsync(make){try{return make()}catch(error){throw namingTriedPath(error)}}function mkdtemp(args){let[prefix,options,
callback]=args,cb=makeCallback(typeof options=="function"?options:callback),make=mkdtempCore(prefix,getOptions(options));return{callback:cb,run:()=>[mkdtempAsync(
make)]}}function mkdtempPromise(prefix,options){return mkdtempAsync(mkdtempCore(prefix,getOptions(options)))}function mkdtempDisposableSync(prefix,options){let made=mkdtempSync(
prefix,options),fullPath=path.resolve(process.cwd(),String(made)),remove=()=>rmCore(fullPath,{recursive:!0,force:!0});return{path:made,remove,[Symbol.dispose](){
remove()}}}async function mkdtempDisposablePromise(prefix,options){let made=mkdtempPromise(prefix,options),fullPath=path.resolve(process.cwd(),String(made)),remove=async()=>rmCore(
fullPath,{recursive:!0,force:!0});return{path:made,remove,async[Symbol.asyncDispose](){await remove()}}}var direntTypes={0:constants8.UV_DIRENT_UNKNOWN,1:constants8.
UV_DIRENT_FILE,2:constants8.UV_DIRENT_DIR,3:constants8.UV_DIRENT_LINK,4:constants8.UV_DIRENT_FIFO,5:constants8.UV_DIRENT_SOCKET,6:constants8.UV_DIRENT_CHAR,7:constants8.
UV_DIRENT_BLOCK};function typeFromMode(mode){switch(mode&constants8.S_IFMT){case constants8.S_IFREG:return constants8.UV_DIRENT_FILE;case constants8.S_IFDIR:return constants8.
UV_DIRENT_DIR;case constants8.S_IFLNK:return constants8.UV_DIRENT_LINK;case constants8.S_IFIFO:return constants8.UV_DIRENT_FIFO;case constants8.S_IFSOCK:return constants8.
UV_DIRENT_SOCKET;case constants8.S_IFCHR:return constants8.UV_DIRENT_CHAR;case constants8.S_IFBLK:return constants8.UV_DIRENT_BLOCK;default:return constants8.UV_DIRENT_UNKNOWN}}
function makeDirent(name2,entry,parentPath,dirPath){let type=direntTypes[entry.type]??constants8.UV_DIRENT_UNKNOWN;return type===constants8.UV_DIRENT_UNKNOWN&&(type=
typeFromMode(context.engine.lstat(path.join(dirPath,entry.name)).mode)),new import_node_fs11.Dirent(name2,type,parentPath)}function compareNames(a,b){let length=Math.
min(a.length,b.length);for(let i=0;i<length;i++){let x=a.charCodeAt(i),y=b.charCodeAt(i);if(x!==y)return x>=55296||y>=55296?a.codePointAt(i)-b.codePointAt(i):x-
y}return a.length-b.length}function sortedListing(dirPath){return context.engine.readdir(dirPath).sort((x,y)=>compareNames(x.name,y.name))}function isDirectoryFollowingLinks(p2){
try{let record=context.engine.tryStat(p2,!0);return record!==void 0&&(record.mode&constants8.S_IFMT)===constants8.S_IFDIR}catch{return!1}}function joinParentPath(base,relative){
if(typeof base=="string"&&typeof relative=="string")return path.join(base,relative);let head=typeof base=="string"?Buffer.from(base):base,parts=[head];return(head.
length===0||head[head.length-1]!==47)&&parts.push(Buffer.from("/")),parts.push(typeof relative=="string"?Buffer.from(relative):relative),Buffer.concat(parts)}function readdirRecursiveByBytes(given,basePath,options){
let results=[],queue=[{dir:basePath,relative:"",listed:basePath}];for(let i=0;i<queue.length;i++){let{dir,relative,listed}=queue[i],parentPath=relative===""?given:
joinParentPath(given,encodeName(relative,options.encoding));for(let entry of sortedListing(listed)){let full=path.join(dir,entry.name),below=relative===""?entry.
name:`${relative}/${entry.name}`,isDirectory4;if(options.withFileTypes){let dirent=makeDirent(encodeName(entry.name,options.encoding),entry,parentPath,dir);results.
push(dirent),isDirectory4=dirent.isDirectory()||isDirectoryFollowingLinks(full)}else results.push(encodeName(below,options.encoding)),isDirectory4=isDirectoryFollowingLinks(
full);isDirectory4&&queue.push({dir:full,relative:below,listed:`${listed.endsWith("/")?listed.slice(0,-1):listed}/${entry.name}`})}}return results}function readdirRecursiveByText(given,options,form){
let results=[],asPromised=form==="promise",join3=(dir,name2)=>path.join(dir,name2),pending=[[given,sortedListing(pathString(given))]],found=dir=>pending.push([dir,
asPromised?sortedListing(pathString(dir)):void 0]);for(let i=0;asPromised?pending.length>0:i<pending.length;i++){let[current,listed]=asPromised?pending.pop():pending[i];
for(let entry of listed??sortedListing(pathString(current))){let name2=encodeName(entry.name,options.encoding);if(options.withFileTypes){let full=nodeMajor6>=22&&
!asPromised?join3(current,name2):void 0,dirent=makeDirent(name2,entry,current,pathString(current));results.push(dirent),dirent.isDirectory()?found(full??join3(current,
name2)):full!==void 0&&isDirectoryFollowingLinks(pathString(full))&&found(full)}else{let full=join3(current,name2);results.push(path.relative(given,full)),isDirectoryFollowingLinks(
pathString(full))&&found(full)}}}return results}function readdirCore(given,options,form="sync"){if(options.recursive)return nodeMajor6>=26?readdirRecursiveByBytes(
given,pathString(given),options):readdirRecursiveByText(given,options,form);let p2=pathString(given),entries=sortedListing(p2);return options.withFileTypes?entries.
map(e=>makeDirent(encodeName(e.name,options.encoding),e,given,p2)):entries.map(e=>encodeName(e.name,options.encoding))}function readdirSync2(p2,options){let o=getOptions(
options),given=getValidatedPath(p2);return o.recursive!=null&&validateBoolean(o.recursive,"options.recursive"),readdirCore(given,o)}function readdir(args){let[p2,
options,callback]=args,cb=makeCallback(typeof options=="function"?options:callback),o=getOptions(options),given=getValidatedPath(p2);o.recursive!=null&&validateBoolean(
o.recursive,"options.recursive");let copy={...o};return{callback:cb,run:()=>[readdirCore(given,copy)],synchronous:nodeMajor6<22&&!!o.recursive}}function readdirPromise(p2,options){
let o=getOptions(options),given=getValidatedPath(p2);return o.recursive!=null&&validateBoolean(o.recursive,"options.recursive"),readdirCore(given,o,"promise")}function validateRmdirOptions(options){
if(options===void 0)return;validateObject(options,"options");let o={retryDelay:100,maxRetries:0,recursive:!1,...options};validateBoolean(o.recursive,"options.re\
cursive"),validateInt32(o.retryDelay,"options.retryDelay",0),validateUint32(o.maxRetries,"options.maxRetries")}var recursiveRmdirWarned=!1;function emitRecursiveRmdirWarning(){
recursiveRmdirWarned||process.noDeprecation||(recursiveRmdirWarned=!0,process.emitWarning("In future versions of Node.js, fs.rmdir(path, { recursive: true }) wi\
ll be removed. Use fs.rm(path, { recursive: true }) instead","DeprecationWarning","DEP0147"))}function rmdirCore(p2,options,sync=!1){if(options?.recursive&&nodeMajor6<
26){if(emitRecursiveRmdirWarning(),validateRmdirOptions(options),(context.engine.lstat(p2).mode&constants8.S_IFMT)!==constants8.S_IFDIR){context.engine.rmdir(p2);
return}if(sync&&nodeMajor6<24&&!rimrafCallsOnlyOurFaces()){let{maxRetries=0,retryDelay=100}=options;rimrafSync(p2,{maxRetries,retryDelay})}else sync&&nodeMajor6>=
24?nativeRmSync(context.engine,p2,{recursive:!0,force:!1}):(loadRimraf(),rmCore(p2,{recursive:!0,force:!1}));return}context.engine.rmdir(p2)}function rmdirTarget(p2,options){
let target=validatedPathString(p2),recursive=options?.recursive;if(nodeMajor6>=26&&recursive!==void 0)throw invalidArgValue("options.recursive",recursive,"is no\
 longer supported");return recursive||validateRmdirOptions(options),target}function rmdirSync(p2,options){rmdirCore(rmdirTarget(p2,options),options,!0)}function rmdir(args){
let[p2,options,callback]=args;typeof options=="function"&&(callback=options,options=void 0),callback=makeCallback(callback);let target=rmdirTarget(p2,options);return{
callback,run:()=>(rmdirCore(target,options),[])}}function rmdirPromise(p2,options){rmdirCore(rmdirTarget(p2,options),options)}function sameSide(syscall,from,to){if(ownsPath(from,!1)!==ownsPath(to,!1))throw uvError("EXDEV",syscall,from,to)}function renameCore(from,to){sameSide("rename",
from,to),context.engine.rename(from,to)}function renameSync(oldPath,newPath){let from=validatedPathString(oldPath,"oldPath"),to=validatedPathString(newPath,"new\
Path");renameCore(from,to)}function rename(args){let[oldPath,newPath,callback]=args,cb=makeCallback(callback),from=validatedPathString(oldPath,"oldPath"),to=validatedPathString(
newPath,"newPath");return{callback:cb,run:()=>(renameCore(from,to),[])}}function renamePromise(oldPath,newPath){renameSync(oldPath,newPath)}function linkCore(existing,created){
sameSide("link",existing,created),context.engine.link(existing,created)}function linkSync(existingPath,newPath){let existing=validatedPathString(existingPath,"e\
xistingPath"),created=validatedPathString(newPath,"newPath");linkCore(existing,created)}function link(args){let[existingPath,newPath,callback]=args,cb=makeCallback(
callback),existing=validatedPathString(existingPath,"existingPath"),created=validatedPathString(newPath,"newPath");return{callback:cb,run:()=>(linkCore(existing,
created),[])}}function linkPromise(existingPath,newPath){linkSync(existingPath,newPath)}var nodeMajor7=Number(process.versions.node.split(".")[0]);function symlinkArgs(target,p2,type){
nodeMajor7>=24&&validateOneOf(type,"type",["dir","file","junction",null,void 0]);let paths=[validatedPathString(target,"target"),validatedPathString(p2)];if(nodeMajor7<
24&&typeof type=="string"&&!["dir","file","junction"].includes(type))throw nodeError(Error,"ERR_FS_INVALID_SYMLINK_TYPE",`Symlink type must be one of "dir", "fi\
le", or "junction". Received "${type}"`);return paths}function symlinkSync(target,p2,type){let[t,where]=symlinkArgs(target,p2,type);context.engine.symlink(t,where)}
function symlink(args){let[target,p2,type,callback]=args;typeof type=="function"&&(callback=type,type=void 0);let cb=makeCallback(callback),[t,where]=symlinkArgs(
target,p2,type);return{callback:cb,run:()=>(context.engine.symlink(t,where),[])}}function symlinkPromise(target,p2,type){symlinkSync(target,p2,type)}function readlinkSync3(p2,options){
let o=getOptions(options),where=validatedPathString(p2,"oldPath");return encodeName(context.engine.readlink(where),o.encoding)}function readlink(args){let[p2,options,
callback]=args,cb=makeCallback(typeof options=="function"?options:callback),o=getOptions(options),where=validatedPathString(p2,"oldPath");return{callback:cb,run:()=>[
encodeName(context.engine.readlink(where),o.encoding)]}}function readlinkPromise(p2,options){let o=getOptions(options),where=validatedPathString(p2,"path");return encodeName(
context.engine.readlink(where),o.encoding)}function realpathLikeJs(absolute){let lookup=wellFormed(absolute),real;try{real=context.engine.realpath(lookup)}catch(err){
throw realpathReadingTargetsAsText(absolute),err}return isWellFormed(real)&&lookup===absolute?real:realpathReadingTargetsAsText(absolute)}function encodeRealpathText(text2,encoding){
if(!encoding||encoding==="utf8")return text2;let bytes=Buffer.from(text2);return encoding==="buffer"?bytes:bytes.toString(encoding)}function realpathReadingTargetsAsText(absolute){
let engine=context.engine,p2=absolute,current="/",pos=1;for(;pos<p2.length;){let slash=p2.indexOf("/",pos),end=slash===-1?p2.length:slash,previous=current,base=previous+
p2.slice(pos,end);current=slash===-1?base:`${base}/`,pos=slash===-1?p2.length:slash+1;let seen=wellFormed(base);if((engine.lstat(seen).mode&S_IFMT2)!==S_IFLNK)continue;
engine.stat(seen);let target=nameToBytes(engine.readlink(seen)).toString("utf8");p2=path.resolve(path.resolve(previous,target),p2.slice(pos)),current="/",pos=1}
return p2}function jsRealpathPath(p2){let value=toPathIfFileURL(p2);typeof value!="string"&&(value=`${value}`);let checked=value;if(checked.includes("\0"))throw invalidArgValue(
"path",checked,"must be a string, Uint8Array, or URL without null bytes");return path.resolve(checked)}function realpathSync2(p2,options){let o=getOptions(options),
absolute=jsRealpathPath(p2);return encodeRealpathText(realpathLikeJs(absolute),o.encoding)}function realpathSyncNative(p2,options){let o=getOptions(options),where=validatedPathString(
p2);return encodeName(context.engine.realpath(where),o.encoding)}function realpath(args){let[p2,options,callback]=args,cb=makeCallback(typeof options=="function"?
options:callback),o=getOptions(options),absolute=jsRealpathPath(p2);return{callback:cb,run:()=>[encodeRealpathText(realpathLikeJs(absolute),o.encoding)]}}function realpathNative2(args){
let[p2,options,callback]=args,cb=makeCallback(typeof options=="function"?options:callback),o=getOptions(options),where=validatedPathString(p2);return{callback:cb,
run:()=>[encodeName(context.engine.realpath(where),o.encoding)]}}function realpathPromise(p2,options){return realpathSyncNative(p2,options)}function unlinkSync(p2){
context.engine.unlink(validatedPathString(p2))}function unlink(args){let[p2,callback]=args,cb=makeCallback(callback),where=validatedPathString(p2);return{callback:cb,
run:()=>(context.engine.unlink(where),[])}}function unlinkPromise(p2){unlinkSync(p2)}function chmodSync(p2,mode){let where=validatedPathString(p2);context.engine.chmod(where,parseFileMode(mode,"mode"))}function chmod(args){let[p2,mode,callback]=args,
where=validatedPathString(p2),m=parseFileMode(mode,"mode");return{callback:makeCallback(callback),run:()=>(context.engine.chmod(where,m),[])}}var chmodPromise=chmodSync;
function chownFamily(follow){let apply=(where,uid,gid)=>follow?context.engine.chown(where,uid,gid):context.engine.lchown(where,uid,gid);return{sync(p2,uid,gid){
let where=validatedPathString(p2);validateIds(uid,gid),apply(where,uid,gid)},callback(args){let[p2,uid,gid,callback]=args,cb=makeCallback(callback),where=validatedPathString(
p2);return validateIds(uid,gid),{callback:cb,run:()=>(apply(where,uid,gid),[])}}}}var chownOps=chownFamily(!0),lchownOps=chownFamily(!1),chownSync=chownOps.sync,
chown=chownOps.callback,chownPromise=chownOps.sync,lchownSync=lchownOps.sync,lchown=lchownOps.callback,lchownPromise=lchownOps.sync;function utimesFamily(follow){
let apply=(where,a,m)=>follow?context.engine.utimes(where,a,m):context.engine.lutimes(where,a,m),times=(atime,mtime)=>[secondsToNs(toUnixTimestamp(atime)),secondsToNs(
toUnixTimestamp(mtime))];return{sync(p2,atime,mtime){let where=validatedPathString(p2),[a,m]=times(atime,mtime);apply(where,a,m)},callback(args){let[p2,atime,mtime,
callback]=args,cb=makeCallback(callback),where=validatedPathString(p2),[a,m]=times(atime,mtime);return{callback:cb,run:()=>(apply(where,a,m),[])}}}}var utimesOps=utimesFamily(
!0),lutimesOps=utimesFamily(!1),utimesSync=utimesOps.sync,utimes=utimesOps.callback,utimesPromise=utimesOps.sync,lutimesSync=lutimesOps.sync,lutimes=lutimesOps.
callback,lutimesPromise=lutimesOps.sync;var dirClosed=()=>withFrames(nodeError(Error,"ERR_DIR_CLOSED","Directory handle was closed"),dirClosed),nodeMajor8=Number(process.versions.node.split(".")[0]);function readListing(dirPath,shownPath){
try{return context.engine.readdir(dirPath)}catch(err){let code=err.code;if(typeof code!="string"||code.startsWith("ERR_"))throw err;let error=uvError(code,"open\
dir",shownPath);if(shownPath!==void 0&&nodeMajor8<22){let reordered=error;delete reordered.code,delete reordered.path,Object.assign(error,{code,path:shownPath})}
throw error}}var OverlayDir=class _OverlayDir{#path;#options;#queue;#closed=!1;#pending=0;constructor(given,options){chainToNodeDir(),this.#path=given,this.#options=
{bufferSize:32,...options},validateUint32(this.#options.bufferSize,"options.bufferSize",!0);let dirPath=pathString(given);this.#queue=[{dirPath,parentPath:given,
entries:readListing(dirPath),next:0}]}get path(){if(!(#path in this))throw withFrames(nodeError(TypeError,"ERR_INVALID_THIS",'Value of "this" must be of type Di\
r'),Object.getOwnPropertyDescriptor(_OverlayDir.prototype,"path").get);return this.#path}#nextDirent(){for(;this.#queue.length>0;){let listing=this.#queue[0];if(listing.
next<listing.entries.length){let entry=listing.entries[listing.next++],dirent=makeDirent(encodeName(entry.name,this.#options.encoding),entry,listing.parentPath,
listing.dirPath);return this.#options.recursive&&dirent.isDirectory()&&this.#openSubdirectory(dirent),dirent}this.#queue.shift()}return null}#openSubdirectory(dirent){
let sub=path.join(dirent.parentPath,dirent.name);this.#queue.push({dirPath:pathString(sub),parentPath:sub,entries:readListing(pathString(sub),sub),next:0})}#checkNoConcurrent(){
if(this.#pending>0)throw withFrames(nodeError(Error,"ERR_DIR_CONCURRENT_OPERATION","Cannot do synchronous work on directory handle with concurrent asynchronous \
operations"),this.#checkNoConcurrent)}#tail=Promise.resolve();#later(work){this.#pending++;let run=()=>new Promise((resolve4,reject)=>{process.nextTick(()=>{this.#pending--;
try{resolve4(work())}catch(err){reject(err)}})}),result=this.#tail.then(run,run);return this.#tail=result.catch(()=>{}),result}readSync(){if(this.#closed)throw dirClosed();
return this.#checkNoConcurrent(),this.#nextDirent()}read(callback){if(callback===void 0)return this.#closed?Promise.reject(dirClosed()):this.#later(()=>this.#nextDirent());
if(this.#closed)throw dirClosed();validateFunction(callback,"callback"),this.#later(()=>this.#nextDirent()).then(dirent=>callback(null,dirent),err=>callback(err))}closeSync(){
if(this.#closed)throw dirClosed();this.#checkNoConcurrent(),this.#closed=!0,this.#queue.length=0}close(callback){let finish=()=>{this.#closed=!0,this.#queue.length=
0};if(callback===void 0)return this.#closed?Promise.reject(dirClosed()):this.#later(finish);if(validateFunction(callback,"callback"),this.#closed){process.nextTick(
callback,dirClosed());return}this.#later(finish).then(()=>callback(null),err=>callback(err))}async*entries(){try{for(;;){let dirent=await this.read();if(dirent===
null)break;yield dirent}}finally{this.#closed||await this.close()}}[Symbol.dispose](){this.#closed||this.closeSync()}async[Symbol.asyncDispose](){this.#closed||
await this.close()}};Object.defineProperty(OverlayDir.prototype,Symbol.asyncIterator,{enumerable:!1,writable:!0,configurable:!0,value:OverlayDir.prototype.entries});
var chainedToNodeDir=!1;function chainToNodeDir(){chainedToNodeDir||(Object.setPrototypeOf(OverlayDir.prototype,fs.Dir.prototype),chainedToNodeDir=!0)}function openDir(p2,options){
let given=getValidatedPath(p2),o=getOptions(options,{encoding:"utf8"});return new OverlayDir(given,o)}function opendirSync(p2,options){return openDir(p2,options)}
function opendir(args){let[p2,options,cb]=args,callback=typeof options=="function"?options:cb;validateFunction(callback,"callback");let given=getValidatedPath(p2),
o=getOptions(options,{encoding:"utf8"});return{callback,run:()=>[new OverlayDir(given,o)]}}function opendirPromise(p2,options){return openDir(p2,options)}var nodeMajor9=Number(process.versions.node.split(".")[0]),EINVAL=22,EISDIR2=21,ENOTDIR=20,EEXIST=17;function validateCpOptions(options){let defaults={dereference:!1,
errorOnExist:!1,filter:void 0,force:!0,preserveTimestamps:!1,recursive:!1,verbatimSymlinks:!1};if(options===void 0)return{...defaults,mode:0};validateObject(options,
"options");let o={...defaults,...options};for(let key of["dereference","errorOnExist","force","preserveTimestamps","recursive","verbatimSymlinks"])validateBoolean(
o[key],`options.${key}`);let mode=o.mode;if(mode==null?mode=0:validateInteger(mode,"mode",0,7),o.dereference===!0&&o.verbatimSymlinks===!0)throw incompatibleOptionPair(
"dereference","verbatimSymlinks");return o.filter!==void 0&&validateFunction(o.filter,"options.filter"),{...o,mode}}function madeInJs(err){return withFrames(err,
madeInJs)}function cpError(key,prefix,message,dest,errno,code){return madeInJs(systemError(key,prefix,{message,path:dest,syscall:"cp",errno,code}))}function isSrcSubdir(src,dest){
let srcParts=path.resolve(src).split(path.sep).filter(Boolean),destParts=path.resolve(dest).split(path.sep).filter(Boolean);return srcParts.every((part,i)=>destParts[i]===
part)}function areIdentical(a,b){return b.ino!==void 0&&b.dev!==void 0&&b.ino===a.ino&&b.dev===a.dev}function statFor(opts,p2,throwIfNoEntry){return(opts.dereference?
fs.statSync:fs.lstatSync)(p2,{bigint:!0,throwIfNoEntry})}function*checkPaths(src,dest,opts){if(opts.filter&&!(yield opts.filter(src,dest)))return{skipped:!0};let srcStat=statFor(
opts,src,!0),destStat=statFor(opts,dest,!1);if(destStat){if(areIdentical(srcStat,destStat))throw cpError("ERR_FS_CP_EINVAL","Invalid src or dest","src and dest \
cannot be the same",dest,EINVAL,"EINVAL");if(srcStat.isDirectory()&&!destStat.isDirectory())throw cpError("ERR_FS_CP_DIR_TO_NON_DIR","Cannot overwrite non-direc\
tory with directory",`cannot overwrite non-directory ${dest} with directory ${src}`,dest,EISDIR2,"EISDIR");if(!srcStat.isDirectory()&&destStat.isDirectory())throw cpError(
"ERR_FS_CP_NON_DIR_TO_DIR","Cannot overwrite directory with non-directory",`cannot overwrite directory ${dest} with non-directory ${src}`,dest,ENOTDIR,"ENOTDIR")}
if(srcStat.isDirectory()&&isSrcSubdir(src,dest))throw cpError("ERR_FS_CP_EINVAL","Invalid src or dest",`cannot copy ${src} to a subdirectory of self ${dest}`,dest,
EINVAL,"EINVAL");return{skipped:!1,srcStat,destStat}}function checkParentPaths(src,srcStat,dest){let srcParent=path.resolve(path.dirname(src)),destParent=path.resolve(
path.dirname(dest));if(destParent===srcParent||destParent===path.parse(destParent).root)return;let destStat=fs.statSync(destParent,{bigint:!0,throwIfNoEntry:!1});
if(destStat!==void 0){if(areIdentical(srcStat,destStat))throw cpError("ERR_FS_CP_EINVAL","Invalid src or dest",`cannot copy ${src} to a subdirectory of self ${dest}`,
dest,EINVAL,"EINVAL");checkParentPaths(src,srcStat,destParent)}}function copyOneFile(srcStat,src,dest,opts){fs.copyFileSync(src,dest,opts.mode);let mode=Number(
srcStat.mode);if(opts.preserveTimestamps){(mode&128)===0&&fs.chmodSync(dest,mode|128);let updated=fs.statSync(src);fs.utimesSync(dest,updated.atime,updated.mtime)}
fs.chmodSync(dest,mode)}function copyLinkEntry(destStat,src,dest,opts){let resolvedSrc=fs.readlinkSync(src);if(!opts.verbatimSymlinks&&!path.isAbsolute(resolvedSrc)&&
(resolvedSrc=path.resolve(path.dirname(src),resolvedSrc)),!destStat){fs.symlinkSync(resolvedSrc,dest);return}let resolvedDest;try{resolvedDest=fs.readlinkSync(dest)}catch(err){
let code=err.code;if(code==="EINVAL"||code==="UNKNOWN"){fs.symlinkSync(resolvedSrc,dest);return}throw err}if(path.isAbsolute(resolvedDest)||(resolvedDest=path.resolve(
path.dirname(dest),resolvedDest)),opts.viaCpp&&resolvedSrc===resolvedDest&&!fs.statSync(dest,{throwIfNoEntry:!1})?.isDirectory()){fs.unlinkSync(dest),fs.symlinkSync(
resolvedSrc,dest);return}if(isSrcSubdir(resolvedSrc,resolvedDest))throw opts.viaCpp?cppError("ERR_FS_CP_EINVAL",`Cannot copy ${resolvedSrc} to a subdirectory of\
 self ${resolvedDest}`):cpError("ERR_FS_CP_EINVAL","Invalid src or dest",`cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`,dest,EINVAL,"EIN\
VAL");if(fs.statSync(dest).isDirectory()&&isSrcSubdir(resolvedDest,resolvedSrc))throw opts.viaCpp?cppError("ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY",`cannot overwrite\
 ${resolvedDest} with ${resolvedSrc}`):cpError("ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY","Cannot overwrite symlink in subdirectory of self",`cannot overwrite ${resolvedDest}\
 with ${resolvedSrc}`,dest,EINVAL,"EINVAL");fs.unlinkSync(dest),fs.symlinkSync(resolvedSrc,dest)}function*copyEntry(destStat,src,dest,opts){let srcStat=statFor(
opts,src,!0);if(srcStat.isDirectory()){if(!opts.recursive)throw madeInJs(systemError("ERR_FS_EISDIR","Path is a directory",{message:`${src} is a directory (not \
copied)`,path:src,syscall:"cp",errno:EINVAL,code:"EISDIR"}));destStat||fs.mkdirSync(dest);for(let name2 of fs.readdirSync(src)){let srcItem=path.join(src,name2),
destItem=path.join(dest,name2),checked=yield*checkPaths(srcItem,destItem,opts);checked.skipped||(yield*copyEntry(checked.destStat,srcItem,destItem,opts))}destStat||
fs.chmodSync(dest,Number(srcStat.mode))}else if(srcStat.isFile()||srcStat.isCharacterDevice()||srcStat.isBlockDevice()){if(!destStat)copyOneFile(srcStat,src,dest,
opts);else if(opts.force)fs.unlinkSync(dest),copyOneFile(srcStat,src,dest,opts);else if(opts.errorOnExist)throw cpError("ERR_FS_CP_EEXIST","Target already exist\
s",`${dest} already exists`,dest,EEXIST,"EEXIST")}else if(srcStat.isSymbolicLink())copyLinkEntry(destStat,src,dest,opts);else throw srcStat.isSocket()?cpError("\
ERR_FS_CP_SOCKET","Cannot copy a socket file",`cannot copy a socket file: ${dest}`,dest,EINVAL,"EINVAL"):srcStat.isFIFO()?cpError("ERR_FS_CP_FIFO_PIPE","Cannot \
copy a FIFO pipe",`cannot copy a FIFO pipe: ${dest}`,dest,EINVAL,"EINVAL"):cpError("ERR_FS_CP_UNKNOWN","Cannot copy an unknown file type",`cannot copy an unknow\
n file type: ${dest}`,dest,EINVAL,"EINVAL")}function*copyTree(src,dest,opts,childFilter=opts.filter){let checked=yield*checkPaths(src,dest,opts);if(checked.skipped)
return;checkParentPaths(src,checked.srcStat,dest);let destParent=path.dirname(dest);fs.existsSync(destParent)||fs.mkdirSync(destParent,{recursive:!0}),yield*copyEntry(
checked.destStat,src,dest,{...opts,filter:childFilter})}function cppError(code,message){let err=new Error(message);return err.code=code,err}function cppCheckPaths(src,dest,opts){
let srcStat=statFor(opts,src,!0),destStat=statFor(opts,dest,!1),srcIsDir=srcStat.isDirectory();if(destStat){if(areIdentical(srcStat,destStat))throw cppError("ER\
R_FS_CP_EINVAL",`src and dest cannot be the same ${dest}`);if(srcIsDir&&!destStat.isDirectory())throw cppError("ERR_FS_CP_DIR_TO_NON_DIR",`Cannot overwrite non-\
directory ${dest} with directory ${src}`);if(!srcIsDir&&destStat.isDirectory())throw cppError("ERR_FS_CP_NON_DIR_TO_DIR",`Cannot overwrite directory ${dest} wit\
h non-directory ${src}`)}let srcWithSlash=src.endsWith("/")?src:`${src}/`;if(srcIsDir&&(isSrcSubdir(src,dest)||isSrcSubdir(realpathOf(src),realpathOfNearest(dest))))
throw cppError("ERR_FS_CP_EINVAL",`Cannot copy ${srcWithSlash} to a subdirectory of self ${dest}`);if(srcIsDir&&!opts.recursive)throw cppError("ERR_FS_EISDIR",`\
Recursive option not enabled, cannot copy a directory: ${srcWithSlash}`)}function realpathOf(p2){return fs.realpathSync(p2)}function realpathOfNearest(p2){let rest=[],
current=path.resolve(p2);for(;;)try{return path.join(fs.realpathSync(current),...rest.reverse())}catch{let parent=path.dirname(current);if(parent===current)return path.
resolve(p2);rest.push(path.basename(current)),current=parent}}function*copyTreeAfterCppChecks(src,dest,opts){opts.filter&&!(yield opts.filter(src,dest))||(cppCheckPaths(
src,dest,opts),yield*copyTree(src,dest,{...opts,filter:void 0,viaCpp:!0},opts.filter))}function invalidReturnValue(value){return nodeError(TypeError,"ERR_INVALI\
D_RETURN_VALUE",`Expected boolean to be returned from the "filter" function but got ${determineSpecificType(value)}.`)}function runSync(step){let next=step.next();
for(;!next.done;){let answer=next.value;if(answer instanceof Promise)throw invalidReturnValue(answer);next=step.next(answer)}}async function runAsync(step){let next=step.
next();for(;!next.done;)next=step.next(await next.value)}function cpArgs(src,dest,options){let opts=validateCpOptions(options);return[pathString(getValidatedPath(
src,"src")),pathString(getValidatedPath(dest,"dest")),opts]}function cpSync(src,dest,options){let[s2,d,opts]=cpArgs(src,dest,options);runSync(nodeMajor9>=22?copyTreeAfterCppChecks(
s2,d,opts):copyTree(s2,d,opts))}function cp(args){let[src,dest,options,callback]=args;typeof options=="function"&&(callback=options,options=void 0),callback=makeCallback(
callback);let[s2,d,opts]=cpArgs(src,dest,options);return{callback,run:()=>runAsync(copyTree(s2,d,opts)).then(()=>[void 0])}}async function cpPromise(src,dest,options){
let[s2,d,opts]=cpArgs(src,dest,options);await runAsync(copyTree(s2,d,opts))}var import_node_buffer7=require("node:buffer");var nodeMajor10=Number(process.versions.node.split(".")[0]),FileHandle;async function fileHandleClass(){if(FileHandle)return FileHandle;let open2=context.originals["\
promises.open"],handle=await open2("/dev/null","r");return FileHandle=handle.constructor,await handle.close(),FileHandle}function closedError(syscall){let err=new Error(
"file closed");return err.code="EBADF",err.syscall=syscall,err}function fdOf(handle,syscall){if(handle.fd===-1)throw closedError(syscall);return handle.fd}function readOnHandle(fd,bufferOrParams,offset,length,position){
let buffer=bufferOrParams;if(!ArrayBuffer.isView(buffer)){bufferOrParams!==void 0&&validateObject(bufferOrParams,"options",!0);let o=bufferOrParams??{};buffer=o.
buffer===void 0?import_node_buffer7.Buffer.alloc(16384):o.buffer,offset=o.offset===void 0?0:o.offset,length=o.length===void 0?buffer.byteLength-offset:o.length,
position=o.position===void 0?null:o.position,validateBuffer(buffer)}if(offset!==null&&typeof offset=="object"){let o=offset;offset=o.offset===void 0?0:o.offset,
length=o.length===void 0?buffer.byteLength-offset:o.length,position=o.position===void 0?null:o.position}if(offset==null?offset=0:validateInteger(offset,"offset",
0),length??=buffer.byteLength-offset,length===0)return{bytesRead:length,buffer};if(buffer.byteLength===0)throw invalidArgValue("buffer",buffer,"is empty and can\
not be written");validateOffsetLengthRead(offset,length,buffer.byteLength),position!=null&&validatePosition(position,"position",length);let big=typeof position==
"bigint"&&position>2n**53n-1n?2n**53n-1n:position,pos=big==null?null:Number(big);return{bytesRead:context.engine.read(fd,bytesOf(buffer),offset,length,pos===null||
pos<0?null:pos),buffer}}function writeDataToFd(fd,data){let offset=0;for(;offset<data.byteLength;)offset+=context.engine.write(fd,data,offset,data.byteLength-offset,
null);noteWrite(fd,offset)}function overrides(handle){let methods={async read(bufferOrParams,offset,length,position){return readOnHandle(fdOf(handle,"read"),bufferOrParams,
offset,length,position)},async readv(buffers,position){return{bytesRead:readvSync(fdOf(handle,"readv"),buffers,position),buffers}},async write(buffer,offsetOrOptions,length,position){
let fd=fdOf(handle,"write");if(ArrayBuffer.isView(buffer)&&buffer.byteLength===0)return{bytesWritten:0,buffer};let bytesWritten;if(ArrayBuffer.isView(buffer)&&offsetOrOptions!==
null&&typeof offsetOrOptions=="object"){let o=offsetOrOptions;bytesWritten=writeSync(fd,buffer,o.offset??0,o.length??buffer.byteLength-(o.offset??0),o.position??
null)}else bytesWritten=writeSync(fd,buffer,offsetOrOptions,length,position);return{bytesWritten,buffer}},async writev(buffers,position){return{bytesWritten:writevSync(
fdOf(handle,"writev"),buffers,position),buffers}},async readFile(options){let o=getOptions(options,{flag:"r"});checkAborted(o.signal);let data=await afterATurn(
o.signal,()=>readAllFromFd(fdOf(handle,"read")));return o.encoding&&o.encoding!=="buffer"?data.toString(o.encoding):data},async writeFile(data,options){let o=getOptions(
options,{encoding:"utf8"});checkAborted(o.signal),await afterATurn(o.signal,()=>{});let fd=fdOf(handle,"write");if(ArrayBuffer.isView(data))writeDataToFd(fd,bytesOf(
data));else if(typeof data=="string")writeDataToFd(fd,import_node_buffer7.Buffer.from(data,o.encoding||"utf8"));else{if(data==null||typeof data!="object"||!(Symbol.
iterator in data||Symbol.asyncIterator in data))throw invalidArgType("data",["string","Buffer","TypedArray","DataView"],data);for await(let chunk of data)if(typeof chunk==
"string")writeDataToFd(fd,import_node_buffer7.Buffer.from(chunk,o.encoding||"utf8"));else if(ArrayBuffer.isView(chunk))writeDataToFd(fd,bytesOf(chunk));else throw invalidArgType(
"data",["string","Buffer","TypedArray","DataView"],chunk)}},async appendFile(data,options){return methods.writeFile(data,options)},async stat(options){return toStats(
context.engine.fstat(fdOf(handle,"fstat")),!!options?.bigint)},async truncate(len=0){validateInteger(len,"len"),context.engine.ftruncate(fdOf(handle,"ftruncate"),
Math.max(0,len))},async sync(){context.engine.fsync(fdOf(handle,"fsync"))},async datasync(){context.engine.fdatasync(fdOf(handle,"fdatasync"))},async chmod(mode){
let m=parseFileMode(mode,"mode");context.engine.fchmod(fdOf(handle,"fchmod"),m)},async chown(uid,gid){validateIds(uid,gid),context.engine.fchown(fdOf(handle,"fc\
hown"),uid,gid)},async utimes(atime,mtime){let a=secondsToNs(toUnixTimestamp(atime,"atime")),m=secondsToNs(toUnixTimestamp(mtime,"mtime"));context.engine.futimes(
fdOf(handle,"futimes"),a,m)}};return methods}var gcCloseDeprecationShown=!1,closedExplicitly=new FinalizationRegistry(({fd,path:path2})=>{try{context.engine.close(
fd),noteClose(fd)}catch{return}setImmediate(()=>{if(nodeMajor10>=26){let message=`A FileHandle object was closed during garbage collection. This used to be allo\
wed with a deprecation warning but is now considered an error. Please close FileHandle objects explicitly. File descriptor: ${fd} (${path2})`,err=Object.assign(
new Error(message),{code:"ERR_INVALID_STATE"});throw err.stack=`Error: ${message}`,err}process.emitWarning(`Closing file descriptor ${fd} on garbage collection`),
!gcCloseDeprecationShown&&(gcCloseDeprecationShown=!0,process.emitWarning("Closing a FileHandle object on garbage collection is deprecated. Please close FileHan\
dle objects explicitly using FileHandle.prototype.close(). In the future, an error will be thrown if a file descriptor is closed during garbage collection.","De\
precationWarning","DEP0137"))}).unref()});async function openFileHandle(path2,flags,mode){let p2=validatedPathString(path2),flagsNumber=stringToFlags(flags),m=parseFileMode(
mode,"mode",438),Handle=await fileHandleClass(),fd=openTracked(p2,flagsNumber,m),native={fd,getAsyncId:()=>-1,close:()=>{try{return closedExplicitly.unregister(
native),context.engine.close(fd),noteClose(fd),Promise.resolve()}catch(err){return Promise.reject(err)}},closeSync:()=>{closedExplicitly.unregister(native),context.
engine.close(fd),noteClose(fd)},releaseFD:()=>(closedExplicitly.unregister(native),fd)},handle=new Handle(native);closedExplicitly.register(handle,{fd,path:p2},
native);let prototype=Handle.prototype;for(let[name2,fn]of Object.entries(overrides(handle))){let own=prototype[name2],method={[name2](...args){return this===handle||
typeof own!="function"?fn(...args):Reflect.apply(own,this,args)}}[name2];Object.defineProperty(handle,name2,{value:method,writable:!0,configurable:!0,enumerable:!1})}
return nodeMajor10<22&&Object.defineProperty(handle,"readableWebStream",{value:readableWebStreamOnNode20,writable:!0,configurable:!0,enumerable:!1}),handle}var lockedByDefaultStream=new WeakSet,
kDefaultChunk=65536;function privateSymbol(handle,description){for(let o=handle;o!==null;o=Object.getPrototypeOf(o)){let found=Object.getOwnPropertySymbols(o).find(
s2=>s2.description===description);if(found)return found}}function invalidState(message){return withFrames(nodeError(Error,"ERR_INVALID_STATE",`Invalid state: ${message}`),
readableWebStreamOnNode20)}function readableWebStreamOnNode20(options={}){if(this.fd===-1)throw invalidState("The FileHandle is closed");let closing=privateSymbol(
this,"kClosePromise");if(closing!==void 0&&this[closing])throw invalidState("The FileHandle is closing");let lockedByNode=privateSymbol(this,"kLocked");if(lockedByDefaultStream.
has(this)||lockedByNode!==void 0&&this[lockedByNode])throw invalidState("The FileHandle is locked");if(options.type==="bytes"){let own=Object.getPrototypeOf(this).
readableWebStream;return Reflect.apply(own,this,[options])}lockedByDefaultStream.add(this);try{options.type!==void 0&&validateString(options.type,"options.type")}catch(err){
throw withFrames(err,readableWebStreamOnNode20)}let kRef=privateSymbol(this,"kRef"),kUnref=privateSymbol(this,"kUnref"),ended=!1,end=()=>{ended||(ended=!0,kUnref!==
void 0&&this[kUnref].call(this))},controller,readable=new ReadableStream({start:c2=>{controller=c2},pull:async c2=>{let chunk=new Uint8Array(kDefaultChunk),{bytesRead}=await this.
read(chunk,0,kDefaultChunk,null);if(!ended){if(bytesRead===0){c2.close(),end();return}c2.enqueue(chunk.buffer.slice(0,bytesRead))}},cancel:end},{highWaterMark:0});
return kRef!==void 0&&this[kRef].call(this),this.once("close",()=>{ended||(end(),controller.close())}),readable}var byPath=first=>ownsPath(first),byLinkPath=first=>ownsPath(first,!1),bySecondLinkPath=(_first,second)=>ownsPath(second,!1),byEitherLinkPath=(first,second)=>ownsPath(
first,!1)||ownsPath(second,!1),byFd=first=>ownsFd(first),byPathOrFd=first=>typeof first=="number"?ownsFd(first):ownsPath(first),byEitherPath=(first,second)=>ownsPath(
first)||ownsPath(second),byPathOrHandle=first=>isOurFileHandle(first)||ownsPath(first),s=(owns,impl)=>({face:"sync",owns,impl}),c=(owns,impl)=>({face:"callback",
owns,impl}),p=(owns,impl)=>({face:"promise",owns,impl}),routedFs=new Map([["access",c(byPath,access)],["accessSync",s(byPath,accessSync)],["existsSync",s(byPath,
existsSync)],["stat",c(byPath,stat)],["statSync",s(byPath,statSync2)],["lstat",c(byLinkPath,lstat)],["lstatSync",s(byLinkPath,lstatSync3)],["fstat",c(byFd,fstat)],
["statfs",c(byPath,statfs)],["statfsSync",s(byPath,statfsSync)],["fstatSync",s(byFd,fstatSync2)],["open",c(byPath,open)],["openSync",s(byPath,openSync2)],["clos\
e",c(byFd,close)],["closeSync",s(byFd,closeSync2)],["read",c(byFd,read)],["readSync",s(byFd,readSync2)],["readv",c(byFd,readv)],["readvSync",s(byFd,readvSync)],
["write",c(byFd,write)],["writeSync",s(byFd,writeSync)],["writev",c(byFd,writev)],["writevSync",s(byFd,writevSync)],["fsync",c(byFd,fsync)],["fsyncSync",s(byFd,
fsyncSync)],["fdatasync",c(byFd,fdatasync)],["fdatasyncSync",s(byFd,fdatasyncSync)],["ftruncate",c(byFd,ftruncate)],["ftruncateSync",s(byFd,ftruncateSync)],["fc\
hmod",c(byFd,fchmod)],["fchmodSync",s(byFd,fchmodSync)],["fchown",c(byFd,fchown)],["fchownSync",s(byFd,fchownSync)],["futimes",c(byFd,futimes)],["futimesSync",s(
byFd,futimesSync)],["readFile",c(byPathOrFd,readFile)],["readFileSync",s(byPathOrFd,readFileSync)],["writeFile",c(byPathOrFd,writeFile)],["writeFileSync",s(byPathOrFd,
writeFileSync)],["appendFile",c(byPathOrFd,appendFile)],["appendFileSync",s(byPathOrFd,appendFileSync)],["truncate",c(byPathOrFd,truncate)],["truncateSync",s(byPathOrFd,
truncateSync)],["copyFile",c(byEitherPath,copyFile)],["copyFileSync",s(byEitherPath,copyFileSync)],["openAsBlob",s(byPath,openAsBlob)],["openAsBlobSync",s(byPath,
openAsBlobSync)],["mkdir",c(byLinkPath,mkdir)],["mkdirSync",s(byLinkPath,mkdirSync)],["mkdtemp",c(byPath,mkdtemp)],["mkdtempSync",s(byPath,mkdtempSync)],["mkdte\
mpDisposableSync",s(byPath,mkdtempDisposableSync)],["readdir",c(byPath,readdir)],["readdirSync",s(byPath,readdirSync2)],["rmdir",c(byLinkPath,rmdir)],["rmdirSyn\
c",s(byLinkPath,rmdirSync)],["rm",c(byLinkPath,rm)],["rmSync",s(byLinkPath,rmSync)],["opendir",c(byPath,opendir)],["opendirSync",s(byPath,opendirSync)],["cp",c(
byEitherPath,cp)],["cpSync",s(byEitherPath,cpSync)],["rename",c(byEitherLinkPath,rename)],["renameSync",s(byEitherLinkPath,renameSync)],["link",c(byEitherLinkPath,
link)],["linkSync",s(byEitherLinkPath,linkSync)],["symlink",c(bySecondLinkPath,symlink)],["symlinkSync",s(bySecondLinkPath,symlinkSync)],["readlink",c(byLinkPath,
readlink)],["readlinkSync",s(byLinkPath,readlinkSync3)],["realpath",c(byPath,realpath)],["realpathSync",s(byPath,realpathSync2)],["unlink",c(byLinkPath,unlink)],
["unlinkSync",s(byLinkPath,unlinkSync)],["chmod",c(byPath,chmod)],["chmodSync",s(byPath,chmodSync)],["chown",c(byPath,chown)],["chownSync",s(byPath,chownSync)],
["lchown",c(byLinkPath,lchown)],["lchownSync",s(byLinkPath,lchownSync)],["utimes",c(byPath,utimes)],["utimesSync",s(byPath,utimesSync)],["lutimes",c(byLinkPath,
lutimes)],["lutimesSync",s(byLinkPath,lutimesSync)],["watch",s(byPath,watch)],["watchFile",s(byPath,watchFile)],["unwatchFile",s(byPath,unwatchFile)]]),routedNative={
realpath:c(byPath,realpathNative2),realpathSync:s(byPath,realpathSyncNative)},routedPromises=new Map([["access",p(byPath,accessPromise)],["stat",p(byPath,statPromise)],
["lstat",p(byLinkPath,lstatPromise)],["statfs",p(byPath,statfsPromise)],["open",p(byPath,openFileHandle)],["readFile",p(byPathOrHandle,readFilePromise)],["write\
File",p(byPathOrHandle,writeFilePromise)],["appendFile",p(byPathOrHandle,appendFilePromise)],["truncate",p(byPath,truncatePromise)],["copyFile",p(byEitherPath,copyFilePromise)],
["mkdir",p(byLinkPath,mkdirPromise)],["mkdtemp",p(byPath,mkdtempPromise)],["mkdtempDisposable",p(byPath,mkdtempDisposablePromise)],["readdir",p(byPath,readdirPromise)],
["rmdir",p(byLinkPath,rmdirPromise)],["rm",p(byLinkPath,rmPromise)],["opendir",p(byPath,opendirPromise)],["cp",p(byEitherPath,cpPromise)],["rename",p(byEitherLinkPath,
renamePromise)],["link",p(byEitherLinkPath,linkPromise)],["symlink",p(bySecondLinkPath,symlinkPromise)],["readlink",p(byLinkPath,readlinkPromise)],["realpath",p(
byPath,realpathPromise)],["unlink",p(byLinkPath,unlinkPromise)],["chmod",p(byPath,chmodPromise)],["chown",p(byPath,chownPromise)],["lchown",p(byLinkPath,lchownPromise)],
["utimes",p(byPath,utimesPromise)],["lutimes",p(byLinkPath,lutimesPromise)],["watch",{face:"sync",owns:byPath,impl:watchPromise}]]);var installedMark=Symbol.for("memfs-action.node.installed");function copyOwnProperties(from,to){for(let key of Reflect.ownKeys(from)){if(key==="prototype")continue;
let descriptor=Object.getOwnPropertyDescriptor(from,key);Object.defineProperty(to,key,descriptor)}}var changes={writeFile:[["change",0,"modify"]],appendFile:[["\
change",0,"modify"]],truncate:[["change",0,"modify"]],copyFile:[["change",1,"modify"]],cp:[["rename",1,"create"]],mkdir:[["rename",0,"create"]],rmdir:[["rename",
0,"delete"]],rm:[["rename",0,"delete"]],unlink:[["rename",0,"delete"]],rename:[["rename",0,"moved_from"],["rename",1,"moved_to"]],link:[["rename",1,"create"]],symlink:[
["rename",1,"create"]],chmod:[["change",0,"attrib"]],chown:[["change",0,"attrib"]],lchown:[["change",0,"attrib"]],utimes:[["change",0,"attrib"]],lutimes:[["chan\
ge",0,"attrib"]]};function withoutSync(name2){return name2.endsWith("Sync")?name2.slice(0,-4):name2}function changeNotes(name2){let base=withoutSync(name2),list=changes[base];
if(!list)return;let writesData=base==="writeFile"||base==="appendFile";return(args,existedBefore)=>{existedBefore!==void 0&&list.forEach(([event,index,cause],i)=>{
let arg=args[index];if(typeof arg!="string")return;let abs=path.resolve(arg);event==="change"&&!existedBefore[i]&&notifyChange("rename",abs,"create");let data=args[1];
writesData&&data!=null&&data.length===0||notifyChange(event,abs,cause)})}}function existence(name2,args){return isWatched()?(changes[withoutSync(name2)]??[]).map(
([,index])=>typeof args[index]=="string"&&context.engine.exists(args[index])):void 0}function withNotes(name2,member){let notes=changeNotes(name2);if(!notes)return member;
if(member.face==="callback"){let prepare=member.impl;return{...member,impl:args=>{let job=prepare(args);return{...job,run:()=>{let before2=existence(name2,args),
results=job.run();return results instanceof Promise?results.then(r=>(notes(args,before2),r)):(notes(args,before2),results)}}}}}let impl=member.impl;return{...member,
impl:(...args)=>{let before2=existence(name2,args),result=impl(...args);return result instanceof Promise?result.then(r=>(notes(args,before2),r)):(notes(args,before2),
result)}}}var renamesOnDisk=new Set(["symlink","rename","unlink","rmdir","rm","cp"]);function forgettingSymlinks(original){return function(...args){context.router.
forget();let last=args.length-1,callback=args[last];typeof callback=="function"&&(args[last]=function(...results){return context.router.forget(),Reflect.apply(callback,
this,results)});let result=Reflect.apply(original,this,args);return result instanceof Promise?result.then(forgetOnDisk,forgetOnDisk):context.router.forget(),result}}
function forgetOnDisk(){context.router.forget()}function buildFace(name2,nodeOriginal,member){let original=renamesOnDisk.has(withoutSync(name2))?forgettingSymlinks(
nodeOriginal):nodeOriginal,routed=withNotes(name2,member);switch(routed.face){case"sync":return syncFace(original,routed.owns,routed.impl);case"callback":return callbackFace(
original,routed.owns,routed.impl);case"promise":return promiseFace(original,routed.owns,routed.impl)}}function currentValue(target,key,descriptor=Object.getOwnPropertyDescriptor(
target,key)){if(!descriptor)return;let value="value"in descriptor?descriptor.value:descriptor.get?.call(target);return typeof value=="function"?value:void 0}function patchMember(target,key,member,originalKey){
let descriptor=Object.getOwnPropertyDescriptor(target,key),original=currentValue(target,key,descriptor);if(!original)return;context.originals[originalKey]=original;
let face=buildFace(key,original,member);return copyOwnProperties(original,face),context.faces.add(face),descriptor.writable&&descriptor.configurable?target[key]=
face:Object.defineProperty(target,key,{value:face,writable:!0,enumerable:descriptor.enumerable??!0,configurable:!0}),face}var promisesPatched=!1;function patchFsPromises(){
promisesPatched||(patchPromiseMembers(),(0,import_node_module2.syncBuiltinESMExports)())}function patchPromiseMembers(){promisesPatched=!0;let fsp=nodePromises();
for(let key of routedPromises.keys()){let original=currentValue(fsp,key);original&&(context.originals[`promises.${key}`]=original)}for(let[key,member]of routedPromises)
patchMember(fsp,key,member,`promises.${key}`)}var nodePromises;function deferPromises(){let descriptor=Object.getOwnPropertyDescriptor(fs,"promises"),get=descriptor.
get;if(get===void 0)return patchPromiseMembers();Object.defineProperty(fs,"promises",{...descriptor,get:function(){return patchFsPromises(),get.call(fs)}});let getBuiltinModule=process.
getBuiltinModule;if(typeof getBuiltinModule!="function")return;let wrapped={getBuiltinModule(id){return(id==="fs/promises"||id==="node:fs/promises")&&patchFsPromises(),
Reflect.apply(getBuiltinModule,process,[id])}}.getBuiltinModule;copyOwnProperties(getBuiltinModule,wrapped),Object.defineProperty(process,"getBuiltinModule",{...Object.
getOwnPropertyDescriptor(process,"getBuiltinModule"),value:wrapped})}function installFs(engine,router,o={}){if(fs[installedMark])return;Object.defineProperty(fs,
installedMark,{value:!0,enumerable:!1}),context.engine=engine,context.router=router;let promisesGetter=Object.getOwnPropertyDescriptor(fs,"promises")?.get;nodePromises=
promisesGetter?()=>promisesGetter.call(fs):()=>fs.promises;for(let[key,member]of routedFs){let face=patchMember(fs,key,member,key);if(face&&key in routedNative){
let nativeOriginal=context.originals[key].native;if(nativeOriginal){let nativeMember=routedNative[key],nativeFace=buildFace(key,nativeOriginal,nativeMember);copyOwnProperties(
nativeOriginal,nativeFace),Object.defineProperty(face,"native",{value:nativeFace,writable:!0,enumerable:!0,configurable:!0})}}}o.deferPromises?deferPromises():patchPromiseMembers(),
(0,import_node_module2.syncBuiltinESMExports)()}var import_node_module4=require("node:module"),import_node_path=require("node:path");var import_node_module3=require("node:module");var waiting=new Map,watching=!1;function whenBuiltinReached(ids,work){let loaded2=process.moduleLoadList;if(loaded2===void 0||ids.some(id=>loaded2.includes(`Nat\
iveModule ${id}`)))return work();let done=!1,once=()=>{if(!done){done=!0;for(let id of ids){let works=waiting.get(id)?.filter(w=>w!==once);works===void 0||works.
length===0?waiting.delete(id):waiting.set(id,works)}work()}};for(let id of ids){let works=waiting.get(id);works===void 0?waiting.set(id,[once]):works.push(once)}
watch2()}function builtinReached(specifier){if(waiting.size===0)return;let works=waiting.get(specifier.startsWith("node:")?specifier.slice(5):specifier);if(works!==
void 0)for(let work of[...works])work()}function watch2(){watching||(watching=!0,wrapGetBuiltinModule(),typeof import_node_module3.Module.registerHooks!="functi\
on"&&wrapModuleLoad())}function wrapGetBuiltinModule(){let getBuiltinModule=process.getBuiltinModule;if(typeof getBuiltinModule!="function")return;let wrapped={
getBuiltinModule(id){return typeof id=="string"&&builtinReached(id),Reflect.apply(getBuiltinModule,process,[id])}}.getBuiltinModule;copyOwnProperties(getBuiltinModule,
wrapped),Object.defineProperty(process,"getBuiltinModule",{...Object.getOwnPropertyDescriptor(process,"getBuiltinModule"),value:wrapped})}function wrapModuleLoad(){
let internals=import_node_module3.Module,load=internals._load,wrapped={_load(request,...rest){return typeof request=="string"&&builtinReached(request),Reflect.apply(
load,this,[request,...rest])}}._load;copyOwnProperties(load,wrapped),internals._load=wrapped}var import_node_url3=require("node:url"),S_IFMT3=61440,S_IFREG2=32768,S_IFDIR3=16384,ModuleInternals=import_node_module4.Module;function canHookModules(){return typeof ModuleInternals.
registerHooks=="function"}function installModuleLoading(engine,router){let lookup=new OverlayLookup(engine,router);return installStat(lookup),canHookModules()?(installHooks(
ModuleInternals.registerHooks,lookup),"require-and-import"):"require"}var OverlayLookup=class{constructor(engine,router){this.engine=engine;this.router=router}engine;router;kind(file){
if(this.router.owns(file))return kindOf2(this.engine.tryStat(file,!0))}isDeleted(file){return this.router.owns(file)&&this.engine.tryStat(file,!0)===void 0}findForRequire(target,directoryOnly){
if(!directoryOnly){let file=this.fileWithExtensions(target);if(file!==void 0)return file}if(this.kind(target)!=="directory")return;let main2=this.packageJson(target)?.
main;if(typeof main2=="string"&&main2!==""){let mainPath=(0,import_node_path.resolve)(target,main2),found=this.fileWithExtensions(mainPath)??this.index(mainPath);
if(found!==void 0)return found}return this.index(target)}packageType(file){for(let dir=(0,import_node_path.dirname)(file);;dir=(0,import_node_path.dirname)(dir)){
if(!this.router.owns(dir))return;let pkg=this.packageJson(dir);if(pkg!==void 0)return typeof pkg.type=="string"?pkg.type:void 0;if((0,import_node_path.dirname)(
dir)===dir)return}}fileWithExtensions(base){if(this.kind(base)==="file")return base;for(let ext of requireExtensions())if(this.kind(base+ext)==="file")return base+
ext}index(dir){for(let ext of requireExtensions()){let file=(0,import_node_path.join)(dir,`index${ext}`);if(this.kind(file)==="file")return file}}packageJson(dir){
let file=(0,import_node_path.join)(dir,"package.json");if(this.kind(file)==="file")try{let parsed=JSON.parse(this.engine.readFile(file).toString("utf8"));return typeof parsed==
"object"&&parsed!==null?parsed:void 0}catch{return}}};function kindOf2(stat2){if(stat2===void 0)return;let type=stat2.mode&S_IFMT3;return type===S_IFREG2?"file":
type===S_IFDIR3?"directory":void 0}function requireExtensions(){return Object.keys(ModuleInternals._extensions).filter(ext=>ext!==".node")}function isRelative(specifier){
return specifier==="."||specifier===".."||specifier.startsWith("./")||specifier.startsWith("../")}function isNotFound(error){let code=error?.code;return code===
"MODULE_NOT_FOUND"||code==="ERR_MODULE_NOT_FOUND"||code==="ERR_UNSUPPORTED_DIR_IMPORT"}function installHooks(registerHooks,lookup){let resolvedFromOverlay=new Map;
registerHooks({resolve:(specifier,context2,nextResolve)=>{(specifier==="fs/promises"||specifier==="node:fs/promises")&&patchFsPromises(),builtinReached(specifier);
let forRequire=context2.conditions?.includes("require")??!1,resolved;try{resolved=nextResolve(specifier,context2)}catch(error){let missing=error?.code==="ENOENT"?
error.path:void 0;if(missing!==void 0&&lookup.isDeleted(missing))throw moduleNotFound(specifier,context2.parentURL,missing,forRequire);if(!isNotFound(error))throw error;
let found=resolveInOverlay(lookup,specifier,context2.parentURL,forRequire);if(found===void 0)throw error;let url=(0,import_node_url3.pathToFileURL)(found).href;
return resolvedFromOverlay.set(url,forRequire),{url,format:formatOf(lookup,found,forRequire),shortCircuit:!0}}if(resolved.url.startsWith("file:")){let file=(0,import_node_url3.fileURLToPath)(
resolved.url);if(lookup.isDeleted(file))throw moduleNotFound(specifier,context2.parentURL,file,forRequire)}return resolved},load:(url,context2,nextLoad)=>{let forRequire=resolvedFromOverlay.
get(url);if(forRequire===void 0)return nextLoad(url,context2);let file=(0,import_node_url3.fileURLToPath)(url),format=formatOf(lookup,file,forRequire);return format===
void 0?nextLoad(url,context2):{format,source:lookup.engine.readFile(file),shortCircuit:!0}}})}function resolveInOverlay(lookup,specifier,parentURL,forRequire){let target;
if(specifier.startsWith("file:"))try{target=(0,import_node_url3.fileURLToPath)(specifier.replace(/[?#].*$/,""))}catch{return}else if((0,import_node_path.isAbsolute)(
specifier))target=specifier;else if(isRelative(specifier)){let parentDir=parentURL?.startsWith("file:")?(0,import_node_path.dirname)((0,import_node_url3.fileURLToPath)(
parentURL)):process.cwd();target=(0,import_node_path.resolve)(parentDir,specifier)}else return;let found=forRequire?lookup.findForRequire(target,specifier.endsWith(
"/")):lookup.kind(target)==="file"?target:void 0;return found===void 0?void 0:lookup.engine.realpath(found)}function formatOf(lookup,file,forRequire){switch((0,import_node_path.extname)(
file)){case".mjs":return"module";case".cjs":return"commonjs";case".json":return"json";case".wasm":return"wasm";case".js":case"":{let type=lookup.packageType(file);
return type==="module"||type==="commonjs"?type:forRequire?void 0:parsesAsCommonJs(lookup.engine.readFile(file).toString("utf8"))?"commonjs":"module"}default:return forRequire?
"commonjs":void 0}}function parsesAsCommonJs(source){let get=process.getBuiltinModule,{compileFunction}=get?get("node:vm"):import_node_module4.Module.createRequire(
process.execPath)("node:vm");try{return compileFunction(source,["exports","require","module","__filename","__dirname"]),!0}catch{return!1}}function moduleNotFound(specifier,parentURL,file,forRequire){
let parent=parentURL?.startsWith("file:")?(0,import_node_url3.fileURLToPath)(parentURL):parentURL;if(forRequire){let error2=new Error(`Cannot find module '${specifier}\
'${parent?`
Require stack:
- ${parent}`:""}`);return Object.assign(error2,{code:"MODULE_NOT_FOUND",requireStack:parent?[parent]:[]})}let error=new Error(`Cannot find module '${file}'${parent?
` imported from ${parent}`:""}`);return Object.assign(error,{code:"ERR_MODULE_NOT_FOUND",url:(0,import_node_url3.pathToFileURL)(file).href})}function installStat(lookup){
let diskStat=ModuleInternals._stat;if(typeof diskStat!="function")return;let overlayStat=filename=>{if(!lookup.router.owns(filename))return diskStat(filename);let kind=kindOf2(
lookup.engine.tryStat(filename,!0));return kind==="file"?0:kind==="directory"?1:-2},emitWarning=process.emitWarning;process.emitWarning=()=>{};try{ModuleInternals.
_stat=overlayStat}finally{process.emitWarning=emitWarning}let resolveFilename=ModuleInternals._resolveFilename;ModuleInternals._resolveFilename=function(request,parent,isMain,options){
try{return resolveFilename.call(this,request,parent,isMain,options)}catch(error){if(!isNotFound(error)||!(isRelative(request)||(0,import_node_path.isAbsolute)(request)))
throw error;let parentFile=parent?.filename,base=typeof parentFile=="string"?(0,import_node_path.dirname)(parentFile):process.cwd(),found=lookup.findForRequire(
(0,import_node_path.resolve)(base,request),request.endsWith("/"));if(found===void 0)throw error;return lookup.engine.realpath(found)}}}var originalFs=Object.freeze({openSync:fs.openSync,closeSync:fs.closeSync,writevSync:fs.writevSync,writeSync:fs.writeSync,readSync:fs.readSync,readFileSync:fs.readFileSync,
readdirSync:fs.readdirSync,renameSync:fs.renameSync,unlinkSync:fs.unlinkSync,fstatSync:fs.fstatSync,fchownSync:fs.fchownSync,statSync:fs.statSync,mkdirSync:fs.mkdirSync,
existsSync:fs.existsSync,statfsSync:fs.statfsSync,ftruncateSync:fs.ftruncateSync});var count=value=>typeof value=="number"&&Number.isSafeInteger(value)&&value>=0?void 0:"is not a non-negative integer",clock=value=>typeof value=="string"&&/^\d+$/.
test(value)?void 0:"is not a decimal string",fileTime=value=>typeof value=="string"&&/^-?\d+$/.test(value)?void 0:"is not a decimal string",text=value=>typeof value==
"string"?void 0:"is not a string",name=value=>typeof value!="string"?"is not a string":value.includes("\0")?"holds a NUL byte":void 0,texts=value=>Array.isArray(
value)&&value.every(item=>typeof item=="string")?void 0:"is not a list of strings",one=value=>value===1?void 0:"is not 1",oneOf=(...values)=>value=>typeof value==
"string"&&values.includes(value)?void 0:`is not one of ${values.join(", ")}`,optional=field=>value=>value===void 0?void 0:field(value),confined=text,timed={t:clock,
tf:optional(text)},shapeOf={begin:{version:one,pid:count,ppid:count,threadId:count,argv:texts,execArgv:optional(texts),cwd:text,wallNs:clock,monoNs:clock},content:{
...timed,path:confined,ino:count,mode:count,uid:count,gid:count,size:count,atimeNs:fileTime,mtimeNs:fileTime,sup:optional(one),at:optional(count)},mkdir:{...timed,
path:confined,mode:count,uid:count,gid:count},symlink:{...timed,path:confined,target:name,uid:count,gid:count},link:{...timed,existingPath:confined,newPath:confined},
remove:{...timed,path:confined},rename:{...timed,from:confined,to:confined},metadata:{...timed,path:confined,mode:count,uid:count,gid:count,atimeNs:fileTime,mtimeNs:fileTime},
note:{...timed,detail:text},quota:{...timed,path:name,requestedBytes:count,quotaBytes:count,refused:count},unsaved:{...timed,path:confined,ino:count},spool:{...timed,
path:name,requestedBytes:count,bound:oneOf("cap","disk","memory"),limitBytes:count,reserveBytes:count,where:text,refused:count},spare:{...timed},lost:{...timed,
lost:count,code:text,kind:text,path:name,unended:optional(one)},end:{...timed}},shapes=Object.fromEntries(Object.entries(shapeOf).map(([k,fields])=>[k,Object.entries(
fields)])),pathFields={content:["path"],mkdir:["path"],symlink:["path"],link:["existingPath","newPath"],remove:["path"],rename:["from","to"],metadata:["path"],unsaved:[
"path"]},replacingFields={content:["path"],symlink:["path"],link:["newPath"],remove:["path"],rename:["from","to"]};function checkRecord(value,roots){if(typeof value!=
"object"||value===null||Array.isArray(value))return"the header is not an object";let record=value,kind=record.k;if(typeof kind!="string"||!Object.hasOwn(shapes,
kind))return`unknown kind ${JSON.stringify(kind)??"undefined"}`;let k=kind;for(let[field,check]of shapes[k]){let problem=check(record[field]);if(problem!==void 0)
return`${k}: ${field} ${problem}`}for(let field of pathFields[k]??[]){let problem=wellFormedPath(record[field]);if(problem!==void 0)return`${k}: ${field} ${JSON.
stringify(record[field])} ${problem}`}for(let field of replacingFields[k]??[])if(roots.includes(record[field]))return`${k}: ${field} ${JSON.stringify(record[field])}\
 would replace a root of the run`;for(let field of pathFields[k]??[]){let p2=record[field];if(!roots.some(root=>isAtOrUnder(p2,root)))return{outsideRoots:p2}}return record}
function wellFormedPath(p2){if(p2.includes("\0"))return"holds a NUL byte";if(!p2.startsWith("/"))return"is not absolute";if(!isNormalised(p2))return"is not norm\
alised"}function isNormalised(p2){return p2==="/"?!0:!(p2.endsWith("/")||p2.includes("//")||p2.includes("/./")||p2.includes("/../")||p2.endsWith("/.")||p2.endsWith(
"/.."))}function isAtOrUnder(candidate,root){return candidate===root||candidate.startsWith(root==="/"?"/":`${root}/`)}function checkContinuation(at,continuedLength){
return at<=continuedLength?void 0:`content: at ${at} lies beyond the ${continuedLength} bytes it continues`}function isTrustedJournal(stat2,runUid){return stat2.
uid===runUid}function refusedRecordDetail(recordNumber,reason){return`record ${recordNumber} refused (${reason}); it and the rest of this journal were ignored`}var frameHeadBytes=8,windowBytes=256*1024,maxHeaderBytes=16*1024*1024;function scanFrames(fd,fileSize,visit,start=0){let window=Buffer.allocUnsafe(Math.max(frameHeadBytes,
Math.min(windowBytes,fileSize-start))),windowStart=0,windowEnd=0,fill=(at2,length)=>{if(at2>=windowStart&&at2+length<=windowEnd)return!0;length>window.length&&(window=
Buffer.allocUnsafe(length));let wanted=Math.min(window.length,fileSize-at2);if(wanted<length)return!1;let got=0;for(;got<wanted;){let n=originalFs.readSync(fd,window,
got,wanted-got,at2+got);if(n===0)break;got+=n}return windowStart=at2,windowEnd=at2+got,got>=length},at=start;for(;at+frameHeadBytes<=fileSize&&fill(at,frameHeadBytes);){
let headerLength=window.readUInt32LE(at-windowStart),dataLength=window.readUInt32LE(at-windowStart+4),headerStart=at+frameHeadBytes,end=headerStart+headerLength+
dataLength;if(end>fileSize)break;if(headerLength>maxHeaderBytes)return{end:at,tornBytes:fileSize-at,stoppedAt:`a header of ${headerLength} bytes at offset ${at}`};
if(!fill(headerStart,headerLength))break;let header;try{header=JSON.parse(window.toString("utf8",headerStart-windowStart,headerStart-windowStart+headerLength))}catch{
return{end:at,tornBytes:fileSize-at,stoppedAt:`a header that is not JSON at offset ${at}`}}if(visit({header,dataOffset:headerStart+headerLength,dataLength})===!1)
return{end:at,tornBytes:0};at=end}return{end:at,tornBytes:fileSize-at}}function readAt(fd,target,offset,length,position){let got=0;for(;got<length;){let n=originalFs.
readSync(fd,target,offset+got,length-got,position+got);if(n===0)break;got+=n}return got}var ContentLink=class{constructor(piece,base,at,size){this.piece=piece;this.base=base;this.at=at;this.size=size}piece;base;at;size;extents;get storedEnd(){let extents=this.
extents??=this.flatten(),last=extents[extents.length-1];return Math.min(this.size,last===void 0?0:last.start+last.length)}readInto(target,offset,length,position){
if(position>=this.size||length<=0)return 0;let n=Math.min(length,this.size-position),extents=this.extents??=this.flatten(),i=firstExtentAt(extents,position),done=0;
for(;done<n;){let at=position+done,extent=extents[i];if(extent===void 0||extent.start>at){let holeEnd=Math.min(position+n,extent?.start??position+n);target.fill(
0,offset+done,offset+done+(holeEnd-at)),done+=holeEnd-at;continue}let within=at-extent.start,take=Math.min(extent.length-within,n-done),got=readAt(extent.fd,target,
offset+done,take,extent.fileOffset+within);got<take&&target.fill(0,offset+done+got,offset+done+take),done+=take,i++}return n}flatten(){let chain=[],link2=this;for(;link2!==
void 0&&link2.extents===void 0;){if(chain.push(link2),link2.at===void 0){link2=void 0;break}link2=link2.base}let extents=link2?.extents?link2.extents.slice():[];
for(let i=chain.length-1;i>=0;i--){let step=chain[i];step.at===void 0?extents.length=0:cutAt(extents,step.at),step.piece.length>0&&extents.push({start:step.at??
0,length:step.piece.length,fd:step.piece.fd,fileOffset:step.piece.offset})}return extents}};function cutAt(extents,at){for(;extents.length>0;){let last=extents[extents.
length-1];if(last.start>=at)extents.pop();else{last.start+last.length>at&&(extents[extents.length-1]={...last,length:at-last.start});return}}}function firstExtentAt(extents,position){
let low=0,high=extents.length;for(;low<high;){let mid=low+high>>>1,e=extents[mid];e.start+e.length<=position?low=mid+1:high=mid}return low}var emptyContent={size:0,
readInto:()=>0};function readWholeContent(content){let bytes=Buffer.allocUnsafe(content.size);return content.readInto(bytes,0,content.size,0),bytes}function forEachChunk(content,use,end=content.
size,chunkBytes2=1024*1024){let buffer=Buffer.allocUnsafe(Math.min(chunkBytes2,Math.max(1,end)));for(let position=0;position<end;){let n=content.readInto(buffer,
0,Math.min(buffer.length,end-position),position);if(n===0)break;use(buffer.subarray(0,n)),position+=n}}var os=()=>loadBuiltin("node:os"),MiB=1024*1024,minReserve=256*MiB,reserveShare=.05,maxReserveShare=.25,maxStep=8*MiB,minStep=64*1024,rereadAfterRefusalMs=100,sharedMemoryMinimum=1024*
MiB,TMPFS_MAGIC=16914836,RAMFS_MAGIC=2240043254,fsNames={[TMPFS_MAGIC]:"tmpfs",[RAMFS_MAGIC]:"ramfs",61267:"ext4",1481003842:"xfs",2435016766:"btrfs",2035054128:"\
overlayfs",801189825:"zfs",26985:"nfs",1702057286:"fuse",16914839:"v9fs"},thisSystem={statfs:dir=>originalFs.statfsSync(dir),availableMemory:()=>process.availableMemory?.()??
os().freemem(),totalMemory(){let constrained=process.constrainedMemory?.()??0,total=os().totalmem();return constrained>0&&constrained<total?constrained:total},spoolBytes(dir){
let total=0;for(let name2 of originalFs.readdirSync(dir))try{total+=originalFs.statSync(path.join(dir,name2)).size}catch{}return total},nowMs:()=>Date.now()};function reserveFor(size){
return Math.floor(Math.min(Math.max(minReserve,size*reserveShare),size*maxReserveShare))}function isInRam(type){return type===TMPFS_MAGIC||type===RAMFS_MAGIC}function readSpace(dir,capBytes,system=thisSystem){
let best={room:Number.POSITIVE_INFINITY,bound:"disk",reserveBytes:0},consider=(room,bound,reserveBytes)=>{room<best.room&&(best={room,bound,reserveBytes})},stat2=system.
statfs(dir),size=stat2.blocks*stat2.bsize;if(size>0){let reserve=reserveFor(size);consider(stat2.bavail*stat2.bsize-reserve,"disk",reserve)}if(isInRam(stat2.type)){
let reserve=reserveFor(system.totalMemory());consider(system.availableMemory()-reserve,"memory",reserve)}return capBytes!==void 0&&consider(capBytes-system.spoolBytes(
dir),"cap",0),best}function describeSpoolFilesystem(dir,system=thisSystem){let parent=path.dirname(dir),type;try{type=system.statfs(dir).type}catch{return parent}
let name2=fsNames[type];return isInRam(type)?`${parent} (${name2}, in RAM)`:name2===void 0?parent:`${parent} (${name2})`}var SpoolSpace=class{spoolDir;capBytes;system;untilRead=0;room=0;pending=0;lastReading;lastReadMs=Number.
NEGATIVE_INFINITY;refusedAtLastRead=!1;refusal;flushPending;flushing=!1;constructor(o){this.spoolDir=o.spoolDir,this.capBytes=o.capBytes,this.system=o.system??thisSystem}admit(bytes){
return bytes<=this.untilRead?(this.untilRead-=bytes,this.pending+=bytes,!0):this.admitAfterReading(bytes)}admitAfterReading(bytes){if(this.pending>=maxStep&&this.
flushPending!==void 0&&!this.flushing){this.flushing=!0;try{this.flushPending()}catch{}finally{this.flushing=!1}this.refusedAtLastRead=!1}let now2=this.system.nowMs();
(!this.refusedAtLastRead||now2-this.lastReadMs>=rereadAfterRefusalMs)&&this.read(now2);let left=this.room-this.pending;if(bytes>left)return this.refusedAtLastRead=
!0,this.untilRead=0,this.refusal=void 0,!1;this.refusedAtLastRead=!1,this.pending+=bytes;let rest=left-bytes;return this.untilRead=Math.min(rest,Math.max(minStep,
Math.min(maxStep,Math.floor(rest/8)))),!0}read(now2){let reading;try{reading=readSpace(this.spoolDir,this.capBytes,this.system)}catch{reading={room:Number.POSITIVE_INFINITY,
bound:"disk",reserveBytes:0}}this.lastReading=reading,this.room=reading.room,this.lastReadMs=now2}journaled(bytes){this.pending=this.pending>bytes?this.pending-
bytes:0}settled(){this.pending=0}describeRefusal(){if(this.refusal)return this.refusal;let reading=this.lastReading??{room:0,bound:"disk",reserveBytes:0},limitBytes=this.
capBytes??0;if(reading.bound!=="cap")try{limitBytes=this.system.spoolBytes(this.spoolDir)}catch{limitBytes=0}return this.refusal={bound:reading.bound,limitBytes,
reserveBytes:reading.reserveBytes,where:describeSpoolFilesystem(this.spoolDir,this.system)},this.refusal}};function tmpdir(){let dir=process.env.TMPDIR||process.env.TMP||process.env.TEMP||"/tmp";return dir.length>1&&dir.endsWith("/")?dir.slice(0,-1):dir}var fileName="announcements";function announcementsFile(spoolDir){return path.join(spoolDir,fileName)}function announcementOf(journalFile,compacted=!1){return Buffer.from(`${compacted?compactedMark:""}${path.basename(journalFile)}
`)}var compactedMark="~",{O_RDONLY:O_RDONLY2,O_NOFOLLOW:O_NOFOLLOW2,O_NONBLOCK}=fs.constants,chunkBytes=16*1024,maxLineBytes=255,AnnouncementReader=class{constructor(spoolDir){
this.spoolDir=spoolDir}spoolDir;fd;offset=0;buffer=Buffer.allocUnsafe(chunkBytes);partial="";poll(){if(this.fd===void 0&&!this.openNow())return noNames;let n=originalFs.
readSync(this.fd,this.buffer,0,chunkBytes,this.offset);return n===0?noNames:this.collect(n)}skipToEnd(){this.fd===void 0&&!this.openNow()||(this.offset=originalFs.
fstatSync(this.fd).size,this.partial="")}close(){this.fd!==void 0&&originalFs.closeSync(this.fd),this.fd=void 0}retryIn=0;openNow(){return this.retryIn>0?(this.
retryIn--,!1):this.open()?!0:(this.retryIn=256,!1)}open(){try{return this.fd=originalFs.openSync(announcementsFile(this.spoolDir),O_RDONLY2|(O_NOFOLLOW2??0)|(O_NONBLOCK??
0)),!0}catch{return!1}}collect(first){let names=new Set,n=first;for(;n>0;){this.offset+=n;let lines=(this.partial+this.buffer.toString("latin1",0,n)).split(`
`);this.partial=lines.pop(),this.partial.length>maxLineBytes&&(this.partial="");for(let line of lines)line.endsWith(journalSuffix)&&!line.includes("/")&&line.length<=
maxLineBytes&&names.add(line);if(n<chunkBytes)break;n=originalFs.readSync(this.fd,this.buffer,0,chunkBytes,this.offset)}return[...names]}},noNames=[];var journalSuffix=".journal";function journalFileName(pid,threadId){let random=Math.floor(Math.random()*4294967296).toString(16).padStart(8,"0");return`${pid}-${threadId}-${random}${journalSuffix}`}
function journalFiles(spoolDir){let names;try{names=originalFs.readdirSync(spoolDir)}catch(error){if(error.code==="ENOENT")return[];throw error}return names.filter(
name2=>name2.endsWith(journalSuffix)).sort().map(name2=>path.join(spoolDir,name2))}var{O_RDONLY:O_RDONLY3,O_NOFOLLOW:O_NOFOLLOW3,O_NONBLOCK:O_NONBLOCK2}=fs.constants,journalOpenFlags=O_RDONLY3|(O_NOFOLLOW3??0)|(O_NONBLOCK2??0);function openRunJournal(file,roots,runUid=originalFs.
statSync(path.dirname(file)).uid){let fd;try{fd=originalFs.openSync(file,journalOpenFlags)}catch{return}try{let stat2=originalFs.fstatSync(fd);if(stat2.isFile()&&
isTrustedJournal(stat2,runUid))return new JournalReader(file,fd,roots)}catch{}originalFs.closeSync(fd)}function readJournalFile(file,fd,size,roots){let reader=new JournalReader(file,fd,roots),changes2=reader.readTo(size);return{journal:reader.journal,changes:changes2,
holdsContent:reader.holdsContent,...reader.detail!==void 0?{detail:reader.detail}:{}}}var JournalReader=class{constructor(file,fd,roots){this.file=file;this.fd=
fd;this.roots=roots;this.journal={file,ended:!1,tornBytes:0,notes:[],changeCount:0,unsaved:[]}}file;fd;roots;journal;holdsContent=!1;detail;offset=0;lastLink=new Map;saves=[];seq=0;close(){
try{originalFs.closeSync(this.fd)}catch{}}readTo(size){let changes2=[];if(this.journal.refused!==void 0||this.detail!==void 0||size<=this.offset)return changes2;
let{journal,lastLink,saves,roots,fd}=this,awaitingBytes=[],scan=scanFrames(fd,size,frame=>{let checked=roots===void 0?ownRecord(frame.header):checkRecord(frame.
header,roots);if(typeof checked=="string")return journal.refused=refusedRecordDetail(this.seq+1,checked),!1;if("outsideRoots"in checked){this.seq++,journal.outside?
journal.outside.count++:journal.outside={count:1,first:checked.outsideRoots};return}let record=checked,at=this.seq++;switch(record.k){case"begin":journal.begin=
record;return;case"end":journal.ended=!0;return;case"note":journal.notes.push(record.detail);return;case"unsaved":saves.push(record);return;case"quota":{let first=journal.
quota;journal.quota=first?{...first,refused:Math.max(first.refused,record.refused)}:{path:record.path,requestedBytes:record.requestedBytes,quotaBytes:record.quotaBytes,
refused:record.refused};return}case"spool":{let{k:_k,t:_t,tf:_tf,...refusal}=record;journal.spool=journal.spool?{...journal.spool,refused:Math.max(journal.spool.
refused,record.refused)}:refusal;return}case"lost":{let{k:_k,t:_t,tf:_tf,...lost}=record;journal.lost=lost;return}case"spare":return}let change={record,journal,
seq:at,time:BigInt(record.t)};if(changes2.push(change),record.k!=="content")return;if(saves.length>0&&saves.push(record),record.sup){awaitingBytes.push(change);
return}let base=record.at===void 0?void 0:lastLink.get(record.ino),continuation=record.at===void 0||roots===void 0?void 0:checkContinuation(record.at,base?.size??
0);if(continuation!==void 0)return changes2.pop(),journal.refused=refusedRecordDetail(at+1,continuation),!1;let piece={fd,offset:frame.dataOffset,length:frame.dataLength};
frame.dataLength>0&&(this.holdsContent=!0);let link2=new ContentLink(piece,base,record.at,record.size);lastLink.set(record.ino,link2),change.content=link2},this.
offset);for(let change of awaitingBytes)change.content=lastLink.get(change.record.ino)??emptyContent;return this.offset=scan.end,journal.tornBytes=scan.tornBytes,
scan.stoppedAt!==void 0&&(this.detail??=`${scan.stoppedAt}: the rest of this journal was not read`),journal.changeCount+=changes2.length,journal.unsaved=unsavedAtEnd(
saves),changes2}};function unsavedAtEnd(records){let pending=new Map;for(let record of records)record.k==="unsaved"?pending.set(record.ino,record.path):record.k===
"content"&&pending.delete(record.ino);return[...new Set(pending.values())]}function ownRecord(header){return typeof header!="object"||header===null?"the header \
is not an object":typeof header.k=="string"?header:"the header has no kind"}var scratch=Buffer.allocUnsafe(65536),inlineDataBytes=16*1024;function encodeFrame(record,data){let json=record.k==="content"?contentJson(record):JSON.stringify(
record),dataLength=data?.length??0;if(8+json.length*3+(dataLength<=inlineDataBytes?dataLength:0)<=scratch.length){let headerLength=scratch.write(json,8,"utf8");
scratch.writeUInt32LE(headerLength,0),scratch.writeUInt32LE(dataLength,4);let end=8+headerLength;if(data&&dataLength<=inlineDataBytes)return scratch.set(data,end),
[scratch.subarray(0,end+dataLength)];let head2=scratch.subarray(0,end);return dataLength>0?[head2,data]:[head2]}let header=Buffer.from(json,"utf8"),head=Buffer.
allocUnsafe(8+header.length);return header.copy(head,8),head.writeUInt32LE(header.length,0),head.writeUInt32LE(dataLength,4),dataLength>0?[head,data]:[head]}function encodeFrameHead(record,dataLength){
let header=Buffer.from(record.k==="content"?contentJson(record):JSON.stringify(record),"utf8"),head=Buffer.allocUnsafe(8+header.length);return head.writeUInt32LE(
header.length,0),head.writeUInt32LE(dataLength,4),header.copy(head,8),head}function contentJson(r){let json=`{"k":"content","t":"${r.t}","path":${JSON.stringify(
r.path)},"ino":${r.ino},"mode":${r.mode},"uid":${r.uid},"gid":${r.gid},"size":${r.size},"atimeNs":"${r.atimeNs}","mtimeNs":"${r.mtimeNs}"`;return r.tf!==void 0&&
(json+=`,"tf":${JSON.stringify(r.tf)}`),r.sup!==void 0&&(json+=`,"sup":${r.sup}`),r.at!==void 0&&(json+=`,"at":${r.at}`),`${json}}`}var testNamePatterns=[/\.(test|spec)\.[cm]?[jt]sx?$/,/(^|\/)__tests__\//],testPlacePatterns=[/(^|\/)(tests?|spec)\//,/(^|\/)(tests?|spec)\.[cm]?[jt]sx?$/];function testFileScore(file,cwd=process.
cwd()){if(file.startsWith("node:")||file.includes("/node_modules/"))return 0;if(testNamePatterns.some(pattern=>pattern.test(file)))return 2;let relative=file.startsWith(
cwd+"/")?file.slice(cwd.length+1):void 0;return relative!==void 0&&testPlacePatterns.some(pattern=>pattern.test(relative))?1:0}function fileOf(site){let name2=site.getFileName()??site.getScriptNameOrSourceURL?.();if(name2)return name2.startsWith("file://")?decodeURIComponent(new URL(name2).
pathname):name2}var maxFrames=60,cached,forget=()=>{cached=void 0};function testFileOfCurrentRun(){return cached||(cached={file:testFileOnStack()??mainScriptIfTest()},
process.nextTick(forget),queueMicrotask(forget)),cached.file}var mainScript;function mainScriptIfTest(){if(mainScript)return mainScript.file;let script=process.
argv[1];return mainScript={file:script&&testFileScore(script,process.cwd())>0?script:void 0},mainScript.file}var scoreOfName=new Map;function testFileOnStack(){
let savedPrepare=Error.prepareStackTrace,savedLimit=Error.stackTraceLimit,sites=[];try{Error.stackTraceLimit=maxFrames,Error.prepareStackTrace=(_error,callSites)=>callSites;
let holder={};Error.captureStackTrace(holder,testFileOnStack),sites=holder.stack}catch{return}finally{Error.prepareStackTrace=savedPrepare,Error.stackTraceLimit=
savedLimit}let byFolder;for(let site of sites){let name2=site.getFileName();if(!name2)continue;let known=scoreOfName.get(name2);if(!known){let file=fileOf(site);
known={file,score:testFileScore(file,process.cwd())},scoreOfName.size<1e4&&scoreOfName.set(name2,known)}if(known.score===2)return known.file;known.score===1&&(byFolder??=
known.file)}return byFolder}function workerThreadsModule(){let loaded2=process.moduleLoadList;if(loaded2!==void 0&&!loaded2.includes("NativeModule worker_threads"))return;let getBuiltin=process.
getBuiltinModule;return getBuiltin?.("node:worker_threads")}function currentThread(){let workers=workerThreadsModule();return{isMainThread:workers?.isMainThread??
!0,threadId:workers?.threadId??0}}function openJournal(o){return new JournalWriter(o)}var defaultSweepIntervalMs=1e3,sweepBudgetShare=50,maxSweepIntervalMs=3e4,journalMode=384,keptContentBudget=32*
1024*1024,noBytes=new Uint8Array(0),spareFrameBytes=1024,directWriteBytes=256*1024,JournalBatch=class{records=[];ends=[];bytes=0;buffer=Buffer.allocUnsafe(16*1024);add(frame,frameBytes,record){
if(this.bytes+frameBytes>this.buffer.length){let grown=Buffer.allocUnsafe(Math.max(this.buffer.length*2,this.bytes+frameBytes));this.buffer.copy(grown,0,0,this.
bytes),this.buffer=grown}for(let part of frame)this.buffer.set(part,this.bytes),this.bytes+=part.length;this.records.push(record),this.ends.push(this.bytes)}take(){
let taken={records:this.records,frames:this.buffer.subarray(0,this.bytes),ends:this.ends};return this.records=[],this.ends=[],this.bytes=0,this.buffer.length>4*
directWriteBytes&&(this.buffer=Buffer.allocUnsafe(16*1024)),taken}},JournalWriter=class{file;engine;fd;fileBytes=0;liveBytes=0;headerBytes=0;compactedBytes=0;compactions=0;latest=new Map;seenPaths=new Set;changeTimes=new Map;deferred=new Map;savingDeferred=!1;journaledContent=new Map;journaledSizes=new Map;unsaved=new Set;journaledBytes=0;quotaRefusals=0;quotaRefusalsJournaled=0;quotaPath="";quotaRequested=0;quotaBytes=0;spaceRefusals=0;spaceRefusalsJournaled=0;spacePath="";spaceRequested=0;spaceRefusal;space;spareOffset;lost;lastErrorCode="\
EIO";unwrittenBegin;closed=!1;broken=!1;timer;sweepIntervalMs;minSweepIntervalMs;compactSlackBytes;onExit=()=>this.close();spoolOwner;batching;batch=new JournalBatch;flushQueued=!1;announcesChanges=!1;announceFd;announcement;compactedUnannounced=!1;constructor(o){
this.engine=o.engine,this.space=o.space;let{threadId}=currentThread();this.file=path.join(o.spoolDir,journalFileName(process.pid,threadId)),this.spoolOwner=spoolOwnerIfRoot(
o.spoolDir),this.batching=o.batch??!0,this.announcement=announcementOf(this.file),this.fd=this.open(this.file,"a"),this.minSweepIntervalMs=this.sweepIntervalMs=
o.sweepIntervalMs??defaultSweepIntervalMs,this.compactSlackBytes=o.compactSlackBytes??16*1024*1024;let wallNs=BigInt(Date.now())*1000000n;this.appendWithSpare({
k:"begin",version:1,pid:process.pid,ppid:process.ppid,threadId,argv:process.argv.slice(),execArgv:process.execArgv.slice(),cwd:process.cwd(),wallNs:String(wallNs),
monoNs:String(process.hrtime.bigint())}),process.on("exit",this.onExit),this.scheduleSweep()}onChange(change){if(change.kind==="quota-exceeded")return this.recordQuotaRefusal(
change);if(change.kind==="space-refused")return this.recordSpaceRefusal(change);if(!this.broken)try{this.record(change)}catch(error){this.recordNote(`could not \
journal a ${change.kind} change: ${error.message}`)}}recordQuotaRefusal(change){this.quotaRefusals++,!(this.quotaRefusals>1)&&(this.quotaPath=change.path,this.quotaRequested=
change.requestedBytes,this.quotaBytes=change.quotaBytes,this.journalQuotaRefusals())}journalQuotaRefusals(){if(this.quotaRefusals===this.quotaRefusalsJournaled)
return;this.append({k:"quota",t:now(),path:this.quotaPath,requestedBytes:this.quotaRequested,quotaBytes:this.quotaBytes,refused:this.quotaRefusals})&&(this.quotaRefusalsJournaled=
this.quotaRefusals)}recordSpaceRefusal(change){if(this.spaceRefusals++,!(this.spaceRefusals>1)){this.spacePath=change.path,this.spaceRequested=change.requestedBytes;
try{this.spaceRefusal=this.space?.describeRefusal()}catch{this.spaceRefusal=void 0}this.journalSpaceRefusals()}}journalSpaceRefusals(){if(this.spaceRefusals===this.
spaceRefusalsJournaled)return;let refusal=this.spaceRefusal??{bound:"disk",limitBytes:0,reserveBytes:0,where:path.dirname(path.dirname(this.file))};this.append(
{k:"spool",t:now(),path:this.spacePath,requestedBytes:this.spaceRequested,bound:refusal.bound,limitBytes:refusal.limitBytes,reserveBytes:refusal.reserveBytes,where:refusal.
where,refused:this.spaceRefusals})&&(this.spaceRefusalsJournaled=this.spaceRefusals)}flush(){if(!this.broken){this.journalQuotaRefusals(),this.journalSpaceRefusals();
try{this.sweepOpenFiles(),this.space?.settled()}catch(error){this.recordNote(`could not save the files still open: ${error.message}`)}this.writeBatch()}}close(){
if(!this.closed){this.flush(),this.append({k:"end",t:now()}),this.writeBatch(),this.closed=!0,this.timer&&clearTimeout(this.timer),process.off("exit",this.onExit);
for(let fd of[this.fd,this.announceFd])try{fd!==void 0&&originalFs.closeSync(fd)}catch{}this.fd=this.announceFd=void 0}}lastChangeOf(changedPath){let t=this.changeTimes.
get(changedPath);return t===void 0?void 0:BigInt(t)}record(change){let t=now();if(this.noteChangeTime(change,t),change.kind==="content")return this.deferContent(
change.ino,change.path,t,change.unchangedPrefix);switch(this.saveDeferredContent(),change.kind){case"unsaved":this.unsaved.add(change.ino),this.append({k:"unsav\
ed",t,path:change.path,ino:change.ino});return;case"mkdir":{let stat2=this.engine.lstat(change.path);this.append(this.withTestFile(change.path,{k:"mkdir",t,path:change.
path,mode:stat2.mode,uid:stat2.uid,gid:stat2.gid}));return}case"symlink":{let stat2=this.engine.lstat(change.path);this.append(this.withTestFile(change.path,{k:"\
symlink",t,path:change.path,target:change.target,uid:stat2.uid,gid:stat2.gid}));return}case"link":this.append(this.withTestFile(change.newPath,{k:"link",t,existingPath:change.
existingPath,newPath:change.newPath}));return;case"remove":this.append(this.withTestFile(change.path,{k:"remove",t,path:change.path}));return;case"rename":this.
append(this.withTestFile(change.to,{k:"rename",t,from:change.from,to:change.to}));return;case"metadata":{let stat2=this.engine.lstat(change.path);this.append(this.
withTestFile(change.path,{k:"metadata",t,path:change.path,mode:stat2.mode,uid:stat2.uid,gid:stat2.gid,atimeNs:String(stat2.atimeNs),mtimeNs:String(stat2.mtimeNs)}));
return}}}noteChangeTime(change,t){switch(change.kind){case"rename":this.changeTimes.set(change.from,t),this.changeTimes.set(change.to,t);return;case"link":this.
changeTimes.set(change.newPath,t);return;case"unsaved":return;default:this.changeTimes.set(change.path,t)}}deferContent(ino,filePath,t,unchangedPrefix){let waiting2=this.
deferred.get(ino);waiting2===void 0?this.deferred.set(ino,{path:filePath,t,unchangedPrefix}):(waiting2.path=filePath,waiting2.t=t,waiting2.unchangedPrefix=waiting2.
unchangedPrefix===void 0||unchangedPrefix===void 0?void 0:Math.min(waiting2.unchangedPrefix,unchangedPrefix)),this.queueEndOfTurn()}saveDeferredContent(){if(!(this.
deferred.size===0||this.savingDeferred)){this.savingDeferred=!0;try{for(let[ino,waiting2]of this.deferred){this.deferred.delete(ino);try{this.recordContent(ino,
waiting2.path,waiting2.t,waiting2.unchangedPrefix,this.unsaved.delete(ino))}catch(error){this.recordNote(`could not journal a content change: ${error.message}`)}}}finally{
this.savingDeferred=!1}}}recordContent(ino,filePath,t,unchangedPrefix,owed=!1){let journaledSize=this.journaledSizes.get(ino);if(journaledSize!==void 0&&unchangedPrefix!==
void 0&&this.engine.inspectInodeFrom){let start=Math.min(unchangedPrefix,journaledSize),info2=this.engine.inspectInodeView?this.engine.inspectInodeView(ino,start):
this.engine.inspectInodeFrom(ino,start);if(!info2||!owed&&this.unchanged(ino,info2.stat))return;let record2=this.contentRecord(ino,filePath,t,info2.stat);if(record2.
at=start,!this.append(record2,info2.content??noBytes))return;this.forgetJournaledContent(ino),this.journaledSizes.set(ino,info2.stat.size),this.remember(ino,info2.
stat),this.compactIfWasteful();return}if(this.engine.inspectInodeView&&this.engine.inspectInodeFrom){let viewed=this.engine.inspectInodeView(ino,0);if(!viewed||
!owed&&this.unchanged(ino,viewed.stat))return;let bytes=viewed.content??noBytes;if(!this.append(this.contentRecord(ino,filePath,t,viewed.stat),bytes))return;this.
journaledSizes.set(ino,viewed.stat.size),this.remember(ino,viewed.stat),this.compactIfWasteful();return}let info=this.engine.inspectInode(ino);if(!info||!owed&&
this.unchanged(ino,info.stat))return;let{stat:stat2}=info,content=info.content??Buffer.alloc(0),record=this.contentRecord(ino,filePath,t,stat2),previous=this.journaledContent.
get(ino),written;previous&&content.length>=previous.length&&content.compare(previous,0,previous.length,0,previous.length)===0?(record.at=previous.length,written=
this.append(record,content.subarray(previous.length))):written=this.append(record,content),written&&(journaledSize!==void 0&&!this.engine.inspectInodeFrom&&this.
keepJournaledContent(ino,content),this.journaledSizes.set(ino,content.length),this.remember(ino,stat2),this.compactIfWasteful())}unchanged(ino,stat2){let known=this.
latest.get(ino);return known!==void 0&&known.size===stat2.size&&known.mtimeNs===stat2.mtimeNs&&known.ctimeNs===stat2.ctimeNs}contentRecord(ino,filePath,t,stat2){
return this.withTestFile(filePath,{k:"content",t,path:filePath,ino,mode:stat2.mode,uid:stat2.uid,gid:stat2.gid,size:stat2.size,atimeNs:String(stat2.atimeNs),mtimeNs:String(
stat2.mtimeNs)})}forgetJournaledContent(ino){let before2=this.journaledContent.get(ino);before2&&(this.journaledBytes-=before2.length,this.journaledContent.delete(
ino))}keepJournaledContent(ino,content){if(this.forgetJournaledContent(ino),!(content.length>keptContentBudget/4)){this.journaledContent.set(ino,content),this.journaledBytes+=
content.length;for(let[oldest,bytes]of this.journaledContent){if(this.journaledBytes<=keptContentBudget)break;this.journaledContent.delete(oldest),this.journaledBytes-=
bytes.length}}}remember(ino,stat2){let known=this.latest.get(ino);this.liveBytes+=stat2.size-(known?.size??0),this.latest.set(ino,{size:stat2.size,mtimeNs:stat2.
mtimeNs,ctimeNs:stat2.ctimeNs})}withTestFile(changedPath,record){if(this.seenPaths.has(changedPath))return record;this.seenPaths.add(changedPath);let testFile=testFileOfCurrentRun();
return testFile!==void 0&&(record.tf=testFile),record}sweepOpenFiles(){if(this.engine.reportUnsavedWrites)return this.engine.reportUnsavedWrites();let inodes=new Set;
for(let entry of this.engine.changeSet()){if(entry.type!=="file"||entry.change==="deleted"||inodes.has(entry.ino))continue;inodes.add(entry.ino);let known=this.
latest.get(entry.ino);if(!(known&&known.size===entry.size&&known.mtimeNs===entry.mtimeNs))try{this.recordContent(entry.ino,entry.path,now())}catch(error){this.recordNote(
`could not journal ${entry.path}: ${error.message}`)}}}scheduleSweep(){this.timer=setTimeout(()=>{if(this.closed)return;let started=performance.now();this.flush();
let took=performance.now()-started;this.sweepIntervalMs=Math.min(maxSweepIntervalMs,Math.max(this.minSweepIntervalMs,took*sweepBudgetShare)),this.scheduleSweep()},
this.sweepIntervalMs),this.timer.unref()}recordNote(detail){this.append({k:"note",t:now(),detail})}appendWithSpare(record){let head=Buffer.concat(encodeFrame(record));
return this.write([head,spareFrame()],[record])?(this.unwrittenBegin=void 0,this.spareOffset=head.length,this.headerBytes+=head.length+spareFrameBytes,this.lost&&
this.writeLost(),!0):(this.unwrittenBegin=record,!1)}append(record,data){if(this.unwrittenBegin!==void 0&&!this.appendWithSpare(this.unwrittenBegin))return this.
lose(record,this.lastErrorCode),!1;if(data!==void 0&&data.length>=directWriteBytes||!this.batching){if(!this.writeBatch())return this.lose(record,this.lastErrorCode),
!1;let buffers2=encodeFrame(record,data);this.headerBytes+=buffers2[0].length-(data!==void 0&&buffers2.length===1?data.length:0);let written=this.write(buffers2,
[record]);return written&&this.announce(),written}let buffers=encodeFrame(record,data),frameBytes=0;for(let buffer of buffers)frameBytes+=buffer.length;return this.
headerBytes+=buffers[0].length-(data!==void 0&&buffers.length===1?data.length:0),this.batch.add(buffers,frameBytes,record),this.batch.bytes>=directWriteBytes?this.
writeBatch():this.queueEndOfTurn(),!0}queueEndOfTurn(){this.flushQueued||(this.flushQueued=!0,queueMicrotask(this.endOfTurn))}endOfTurn=()=>{this.flushQueued=!1,
this.writeBatch()};handOver(){(this.batch.records.length!==0||this.deferred.size!==0)&&this.writeBatch()}writeBatch(){if(this.deferred.size!==0&&!this.broken&&this.
saveDeferredContent(),this.batch.records.length===0)return!0;let{records,frames,ends}=this.batch.take(),whole=this.write([frames],records,!1);if(!whole&&!this.broken){
whole=!0;for(let i=0,start=0;i<records.length;start=ends[i],i++)this.write([frames.subarray(start,ends[i])],[records[i]])||(whole=!1)}return this.announce(),whole}announce(){
if(this.announcesChanges){this.announcesChanges=!1;try{this.announceFd??=this.open(announcementsFile(path.dirname(this.file)),"a"),writeAll(this.announceFd,[this.
compactedUnannounced?announcementOf(this.file,!0):this.announcement]),this.compactedUnannounced=!1}catch{}}}write(buffers,records,loseOnFailure=!0){if(this.broken)
return!1;try{this.fd??=this.open(this.file,"a")}catch{return this.broken=!0,!1}try{let written=writeAll(this.fd,buffers);this.fileBytes+=written;let content=!1;
for(let record of records)record.k==="content"&&(content=!0),changeKinds.has(record.k)&&(this.announcesChanges=!0);return content&&this.space?.journaled(written),
!0}catch(error){let code=error.code;if(this.lastErrorCode=typeof code=="string"?code:"EIO",!loseOnFailure){try{originalFs.ftruncateSync(this.fd,this.fileBytes)}catch{}
return!1}for(let record of records)this.lose(record,this.lastErrorCode);return!1}}lose(record,code){this.lastErrorCode=code;try{originalFs.ftruncateSync(this.fd,
this.fileBytes)}catch{}if(record.k==="content"){this.forgetJournaledContent(record.ino),this.journaledSizes.delete(record.ino);let known=this.latest.get(record.
ino);known&&(this.liveBytes-=known.size),this.latest.delete(record.ino)}let isEnd=record.k==="end";if(!isEnd&&!changeKinds.has(record.k))return;let lost=this.lost??
{k:"lost",lost:0,code,kind:isEnd?"end":record.k,path:subjectOf(record)};isEnd?lost.unended=1:lost.lost++,this.lost=lost,this.writeLost()}writeLost(){if(this.spareOffset===
void 0||this.lost===void 0)return;let fd;try{fd=originalFs.openSync(this.file,"r+");let frame=lostFrame({...this.lost,t:now()});originalFs.writeSync(fd,frame,0,
frame.length,this.spareOffset)}catch{}finally{fd!==void 0&&originalFs.closeSync(fd)}}open(file,flags){let fd=originalFs.openSync(file,flags,journalMode);if(this.
spoolOwner)try{originalFs.fchownSync(fd,this.spoolOwner.uid,this.spoolOwner.gid)}catch(error){throw originalFs.closeSync(fd),error}return fd}compactIfWasteful(){
let kept=Math.max(this.liveBytes+this.headerBytes,this.compactedBytes);if(this.fileBytes+this.batch.bytes<=2*kept+this.compactSlackBytes||!this.writeBatch()||this.
space&&!this.space.admit(kept))return;let compacted;try{compacted=compactJournal(this.file,file=>this.open(file,"w"))}catch{this.space?.journaled(kept);return}let{
written,headerBytes,spareOffset}=compacted;this.space?.journaled(written),this.fd!==void 0&&originalFs.closeSync(this.fd),this.fd=this.open(this.file,"a"),this.
fileBytes=this.compactedBytes=written,this.headerBytes=headerBytes,this.spareOffset=spareOffset,this.compactions++,this.compactedUnannounced=this.announcesChanges=
!0,this.announce()}};function spoolOwnerIfRoot(spoolDir){if(process.getuid?.()!==0)return;let{uid,gid}=originalFs.statSync(spoolDir);return uid===0?void 0:{uid,
gid}}var changeKinds=new Set(["content","mkdir","symlink","link","remove","rename","metadata"]);function subjectOf(record){switch(record.k){case"link":return record.
newPath;case"rename":return record.to;case"content":case"mkdir":case"symlink":case"remove":case"metadata":return record.path;default:return""}}var spare;function spareFrame(){
return spare??=paddedFrame(JSON.stringify({k:"spare",t:"0"}))}function lostFrame(record){let json=JSON.stringify(record),room=spareFrameBytes-8;for(let keep=record.
path.length;Buffer.byteLength(json)>room&&keep>0;)keep=Math.max(0,keep-(Buffer.byteLength(json)-room)-1),json=JSON.stringify({...record,path:`\u2026${record.path.
slice(record.path.length-keep)}`});return paddedFrame(json)}function paddedFrame(json){let frame=Buffer.alloc(spareFrameBytes,32),headerLength=frame.write(json,
8,"utf8");return frame.writeUInt32LE(headerLength,0),frame.writeUInt32LE(spareFrameBytes-8-headerLength,4),frame}function now(){return String(process.hrtime.bigint())}
var maxWriteBytes=1024**3;function writeAll(fd,buffers){let total=buffers.reduce((sum,b)=>sum+b.length,0);if(total<=maxWriteBytes){let written=buffers.length===
1?originalFs.writeSync(fd,buffers[0],0,total):originalFs.writevSync(fd,buffers);if(written===total)return total;let skipped=written;for(let buffer of buffers)skipped>=
buffer.length?skipped-=buffer.length:(writeWhole(fd,buffer.subarray(skipped)),skipped=0);return total}for(let buffer of buffers)writeWhole(fd,buffer);return total}
function writeWhole(fd,buffer){for(let done=0;done<buffer.length;)done+=originalFs.writeSync(fd,buffer,done,Math.min(maxWriteBytes,buffer.length-done))}function compactJournal(file,create){
let readFd=originalFs.openSync(file,"r"),temporary=`${file}.compact`;try{let{changes:changes2}=readJournalFile(file,readFd,originalFs.fstatSync(readFd).size),lastOfIno=new Map;
for(let change of changes2)change.record.k==="content"&&lastOfIno.set(change.record.ino,change.seq);let superseded=new Set,previous;for(let change of changes2){
let r=change.record;r.k!=="content"?previous=void 0:(previous&&previous.ino===r.ino&&previous.path===r.path&&superseded.add(previous.seq),previous={seq:change.seq,
ino:r.ino,path:r.path})}let bySeq=new Map(changes2.map(change=>[change.seq,change])),fd=create(temporary),written=0,headerBytes=0,spareOffset;try{let frames=readHeaders(
readFd,changes2.length===0?0:changes2[changes2.length-1].seq+1);for(let seq=0;seq<frames.length;seq++){let record=frames[seq],change=bySeq.get(seq);if(record.k===
"spare"||record.k==="lost"){let frame=record.k==="spare"?spareFrame():lostFrame(record);spareOffset=written,written+=writeAll(fd,[frame]),headerBytes+=frame.length;
continue}if(!change||change.record.k!=="content"){let head2=encodeFrame(record);written+=writeAll(fd,head2),headerBytes+=head2[0].length;continue}let{at:_at,sup:_sup,
...content}=change.record;if(lastOfIno.get(content.ino)===seq){let bytes=change.content,stored=bytes.storedEnd??bytes.size,head2=encodeFrameHead(content,stored);
written+=writeAll(fd,[head2]),headerBytes+=head2.length,forEachChunk(bytes,chunk=>written+=writeAll(fd,[chunk]),stored);continue}if(superseded.has(seq)&&content.
tf===void 0)continue;let head=encodeFrame({...content,sup:1});written+=writeAll(fd,head),headerBytes+=head[0].length}}catch(error){originalFs.closeSync(fd);try{
originalFs.unlinkSync(temporary)}catch{}throw error}return originalFs.closeSync(fd),originalFs.renameSync(temporary,file),{written,headerBytes,...spareOffset!==
void 0?{spareOffset}:{}}}finally{originalFs.closeSync(readFd)}}function readHeaders(fd,atLeast){let records=[];return scanFrames(fd,originalFs.fstatSync(fd).size,
frame=>{let record=frame.header;if(records.length>=atLeast&&(typeof record!="object"||record===null||typeof record.k!="string"))return!1;records.push(record)}),
records}var import_node_fs12=__toESM(require("node:fs"),1);var S_IFMT4=import_node_fs12.default.constants.S_IFMT;function kindOfMode(mode){switch(mode&S_IFMT4){case import_node_fs12.default.constants.S_IFREG:return"file";case import_node_fs12.default.
constants.S_IFDIR:return"directory";case import_node_fs12.default.constants.S_IFLNK:return"symlink";default:return"other"}}var lstatSync4=import_node_fs12.lstatSync,
lstatMemo=new Map,memoOwner;function forgetDiskAnswers(owner){lstatMemo.clear(),memoOwner=owner}function diskLstat(target){if(memoOwner===void 0)return lstatIfAny(
target);if(lstatMemo.has(target))return lstatMemo.get(target);let stat2=lstatIfAny(target);return lstatMemo.set(target,stat2),stat2}function lstatIfAny(target){
try{return lstatSync4(onDisk(target),{bigint:!0,throwIfNoEntry:!1})}catch(error){let code=error.code;if(code==="ENOTDIR"||code==="EACCES"||code==="ENAMETOOLONG"||
code==="ELOOP")return;throw error}}function endDiskAnswers(owner){memoOwner===owner&&(lstatMemo.clear(),memoOwner=void 0)}function parentOf(target){let slash=target.
lastIndexOf("/");return slash<=0?"/":target.slice(0,slash)}function nameOf(target){return target.slice(target.lastIndexOf("/")+1)}function join2(dir,name2){return dir===
"/"?"/"+name2:dir+"/"+name2}function emptyNode(type){return{type,mode:0,uid:0,gid:0,size:0,opaque:!1,timesSet:!1,links:1}}var FoldModel=class{entryMap=new Map;hidden=new Set;below=new Map;hiddenByDir=new Map;get entries(){
return this.entryMap}get size(){return this.entryMap.size+this.hidden.size}set(target,node){this.entryMap.has(target)&&this.entryMap.delete(target),this.entryMap.
set(target,node);for(let child=target,dir=parentOf(target);child!=="/";child=dir,dir=parentOf(dir)){let names=this.below.get(dir);if(names===void 0)this.below.set(
dir,names=new Set);else if(names.has(nameOf(child)))break;names.add(nameOf(child))}}unset(target){if(this.entryMap.delete(target))for(let child=target,dir=parentOf(
target);child!=="/"&&!(this.entryMap.has(child)||(this.below.get(child)?.size??0)>0);child=dir,dir=parentOf(dir)){let names=this.below.get(dir);names?.delete(nameOf(
child)),names!==void 0&&names.size===0&&this.below.delete(dir)}}hide(target){if(this.hidden.has(target))return;this.hidden.add(target);let dir=parentOf(target),
names=this.hiddenByDir.get(dir);names===void 0&&this.hiddenByDir.set(dir,names=new Set),names.add(nameOf(target))}hiddenIn(dir){return this.hiddenByDir.get(dir)}namesBelow(dir){
return this.below.get(dir)}entriesUnder(target){let found=[],visit=current=>{this.entryMap.has(current)&&found.push(current);let names=this.below.get(current);if(names!==
void 0)for(let name2 of names)visit(join2(current,name2))};return visit(target),found}lookup(target){let entry=this.entryMap.get(target);if(entry!==void 0)return entry;
if(this.hidden.has(target))return null;if(target!=="/")for(let dir=parentOf(target);;dir=parentOf(dir)){let ancestor=this.entryMap.get(dir);if(ancestor!==void 0)
return ancestor.type!=="directory"||ancestor.opaque?null:void 0;if(this.hidden.has(dir))return null;if(dir==="/")return}}resolve(target){let found=this.lookup(target);
if(found!==null)return found!==void 0?found:diskLstat(target)?"disk":void 0}materialize(target){let found=this.resolve(target);if(found!=="disk")return found;let node=nodeFromDisk(
target);return node&&this.set(target,node),node}materializeTree(root){let node=this.materialize(root);if(!(!node||node.type!=="directory")){if(!node.opaque){let names=[];
try{names=readNames(root)}catch{}for(let name2 of names){let child=join2(root,name2);if(!this.entryMap.has(child)&&!this.hidden.has(child)){let childNode=nodeFromDisk(
child);childNode&&this.set(child,childNode)}}node.opaque=!0}for(let name2 of[...this.below.get(root)??[]])this.materializeTree(join2(root,name2))}}removeTree(target){
let removed=[];for(let key of this.entriesUnder(target)){let node=this.entryMap.get(key);removed.push([key,node]),node.links--}for(let i=removed.length-1;i>=0;i--)
this.unset(removed[i][0]);return this.hide(target),removed}rename(from,to){if(from===to)return{moved:[],replaced:[]};let node=this.materialize(from);if(!node)return;
node.type==="directory"&&this.materializeTree(from);let replaced=this.resolve(to)?this.removeTree(to):[],moved=this.entriesUnder(from).map(key=>[key,to+key.slice(
from.length)]),nodes=moved.map(([oldKey])=>this.entryMap.get(oldKey));for(let i=moved.length-1;i>=0;i--)this.unset(moved[i][0]);return moved.forEach(([,newKey],index)=>this.
set(newKey,nodes[index])),this.hide(from),{moved,replaced}}};function nodeFromDisk(target){let stat2=diskLstat(target);if(!stat2)return;let mode=Number(stat2.mode),
type=kindOfMode(mode),node={type,mode,uid:Number(stat2.uid),gid:Number(stat2.gid),size:Number(stat2.size),mtimeNs:stat2.mtimeNs,atimeNs:stat2.atimeNs,ctimeNs:stat2.
ctimeNs,diskIno:Number(stat2.ino),diskDev:Number(stat2.dev),opaque:!1,timesSet:!1,links:1};return type==="file"&&(node.lowerPath=target),type==="symlink"&&(node.
target=readLink(target)),node}var nothing={placed:[],touched:[],moved:[]};function applyChange(model,change,at){let record=change.record;switch(record.k){case"c\
ontent":{let existing=model.entries.get(record.path),node=existing&&existing.type==="file"?existing:emptyNode("file");return node.content=change.content??emptyContent,
delete node.lowerPath,Object.assign(node,{mode:record.mode,uid:record.uid,gid:record.gid,size:record.size,mtimeNs:BigInt(record.mtimeNs),atimeNs:BigInt(record.atimeNs),
ctimeNs:at}),model.set(record.path,node),{placed:[[record.path,node]],touched:[record.path],moved:[]}}case"mkdir":{let existing=model.resolve(record.path);if(existing!==
void 0&&(existing==="disk"?diskLstat(record.path).isDirectory():existing.type==="directory"))return{placed:[],touched:[record.path],moved:[]};existing&&model.removeTree(
record.path);let node={...emptyNode("directory"),mode:record.mode,uid:record.uid,gid:record.gid,opaque:!0,mtimeNs:at,atimeNs:at,ctimeNs:at};return model.set(record.
path,node),{placed:[[record.path,node]],touched:[record.path],moved:[]}}case"symlink":{model.resolve(record.path)&&model.removeTree(record.path);let node={...emptyNode(
"symlink"),target:record.target,size:nameByteLength(record.target),uid:record.uid,gid:record.gid,mode:41471,mtimeNs:at,atimeNs:at,ctimeNs:at};return model.set(record.
path,node),{placed:[[record.path,node]],touched:[record.path],moved:[]}}case"link":{let node=model.materialize(record.existingPath);return node?(model.resolve(record.
newPath)&&model.removeTree(record.newPath),node.links++,node.ctimeNs=at,model.set(record.newPath,node),{placed:[[record.newPath,node]],touched:[record.newPath],
moved:[]}):nothing}case"remove":return model.removeTree(record.path),{placed:[],touched:[record.path],moved:[]};case"rename":{let result=model.rename(record.from,
record.to);return result?{placed:result.moved.map(([,newPath])=>[newPath,model.entries.get(newPath)]),touched:[record.from],moved:result.moved}:nothing}case"met\
adata":{let node=model.materialize(record.path);return node?(Object.assign(node,{mode:record.mode,uid:record.uid,gid:record.gid,mtimeNs:BigInt(record.mtimeNs),atimeNs:BigInt(
record.atimeNs),ctimeNs:at,timesSet:!0}),{placed:[],touched:[record.path],moved:[]}):nothing}}}function wallTime(change){let begin=change.journal.begin;return begin?
BigInt(begin.wallNs)+(change.time-BigInt(begin.monoNs)):change.time}function createRunLayer(spoolDir,disk,o={}){let journals=new RunJournals(spoolDir,o);return new RunLayer(journals.start(),disk,journals)}var RunJournals=class{constructor(spoolDir,o){
this.spoolDir=spoolDir;this.o=o;this.announcements=new AnnouncementReader(spoolDir)}spoolDir;o;announcements;readers=new Map;changes=[];latest=-1n;start(){this.
announcements.skipToEnd();for(let file of journalFiles(this.spoolDir))this.readMore(path.basename(file));return this.changes.sort(byTime),this.build()}update(){
let names=this.announcements.poll();if(names.length===0)return;let own=this.ownName(),fresh=[],news=!1;for(let announced of names){let compacted=announced.startsWith(
compactedMark),name2=compacted?announced.slice(compactedMark.length):announced;if(compacted&&(this.forgetJournal(name2),this.rebuildPending=!0),name2!==own){news=
!0;for(let change of this.readMore(name2))fresh.push(change)}}if(!news||fresh.length===0&&!this.rebuildPending)return;if(own!==void 0)for(let change of this.readMore(
own))fresh.push(change);fresh.sort(byTime);let changed=fresh.map(changedPaths).flat();if(!this.rebuildPending&&fresh[0]!==void 0&&fresh[0].time>=this.latest){let owner={};
forgetDiskAnswers(owner);try{for(let change of fresh)applyChange(this.model,change,wallTime(change)),this.changes.push(change)}finally{endDiskAnswers(owner)}return this.
latest=fresh[fresh.length-1].time,{rebuilt:!1,changed,model:this.model}}for(let change of fresh)this.changes.push(change);return this.changes.sort(byTime),this.
rebuildPending=!1,{rebuilt:!0,changed,model:this.build()}}forgetJournal(name2){this.readers.get(name2)?.close(),this.readers.delete(name2);let file=path.join(this.
spoolDir,name2);this.changes=this.changes.filter(change=>change.journal.file!==file)}rebuildPending=!1;ownName(){let own=this.o.ownJournal?.();return own===void 0?
void 0:path.basename(own)}model;build(){let model=new FoldModel,owner={};forgetDiskAnswers(owner);try{for(let change of this.changes)applyChange(model,change,wallTime(
change))}finally{endDiskAnswers(owner)}let last=this.changes[this.changes.length-1];return this.latest=last===void 0?-1n:last.time,this.model=model}readMore(name2){
let reader=this.readers.get(name2);if(reader===void 0){let opened=openRunJournal(path.join(this.spoolDir,name2),this.o.roots);if(opened===void 0)return[];this.readers.
set(name2,reader=opened)}let size;try{size=originalFs.fstatSync(reader.fd).size}catch{return[]}let changes2=reader.readTo(size);if(this.model===void 0)for(let change of changes2)
this.changes.push(change);return changes2}};function byTime(a,b){return a.time<b.time?-1:a.time>b.time?1:0}function changedPaths(change){let record=change.record,
time=change.time;switch(record.k){case"rename":return[{path:record.from,time,shallow:!1},{path:record.to,time,shallow:!1}];case"link":return[{path:record.existingPath,
time,shallow:!0},{path:record.newPath,time,shallow:!1}];case"mkdir":case"metadata":return[{path:record.path,time,shallow:!0}];default:return[{path:record.path,time,
shallow:!1}]}}var S_IFMT5=61440,S_IFDIR4=16384,S_IFREG3=32768,S_IFLNK2=40960,UV_DIRENT_FILE2=1,UV_DIRENT_DIR2=2,UV_DIRENT_LINK2=3,firstRunIno=2**41,blockSize=4096,
RunLayer=class{constructor(model,disk,journals){this.model=model;this.disk=disk;this.journals=journals}model;disk;journals;nextIno=firstRunIno;inos=new WeakMap;devices=new WeakMap;handles=new Map;nextHandle=-1;find(path2){
return this.model.size===0?void 0:this.model.lookup(path2)}refresh(){let update=this.journals.update();if(update!==void 0)return update.rebuilt&&(this.model=update.
model),update}lstat(path2){let node=this.find(path2);if(node===void 0)return this.disk.lstat(path2);if(node===null)throw uvError("ENOENT","lstat",path2);return this.
statOf(node,path2)}tryLstat(path2){let node=this.find(path2);if(node===void 0){if(this.disk.tryLstat)return this.disk.tryLstat(path2);try{return this.disk.lstat(
path2)}catch(error){let code=error.code;if(code==="ENOENT"||code==="ENOTDIR")return;throw error}}return node===null?void 0:this.statOf(node,path2)}realpath(path2){
let touched=!1;for(let end=path2.indexOf("/",1);;end=path2.indexOf("/",end+1)){let prefix=end===-1?path2:path2.slice(0,end),node=this.find(prefix);if(node===null)
throw uvError("ENOENT","realpath",path2);if(node!==void 0){if(node.type!=="directory")throw uvError("ENOTDIR","realpath",path2);touched=!0}else if(touched){let stat2=this.
tryLstat(prefix);if(stat2===void 0||(stat2.mode&S_IFMT5)!==S_IFDIR4)throw uvError("ENOENT","realpath",path2)}if(end===-1)break}return touched?path2:this.disk.realpath(
path2)}readFileNoFollow(path2){let node=this.find(path2);if(node===void 0)return this.disk.readFileNoFollow(path2);if(node===null)throw uvError("ENOENT","open",
path2);return node.type==="directory"?"directory":node.type==="symlink"?"symlink":"linked"}readdir(path2){let node=this.find(path2);if(node===null)throw uvError(
"ENOENT","scandir",path2);if(node!==void 0&&node.type!=="directory")throw uvError("ENOTDIR","scandir",path2);let opaque=node!==void 0&&node.opaque,hidden=this.model.
hiddenIn(path2),made=this.model.namesBelow(path2);if(!opaque&&hidden===void 0&&made===void 0)return this.disk.readdir(path2);let listing=[],listed=new Set;if(!opaque)
for(let entry of this.diskListing(path2,node===void 0)){let child=this.model.entries.get(joinPath2(path2,entry.name));if(child!==void 0)listing.push({name:entry.
name,type:direntType2(child)});else{if(hidden?.has(entry.name))continue;listing.push(entry)}listed.add(entry.name)}if(made!==void 0)for(let name2 of made){if(listed.
has(name2))continue;let child=this.model.entries.get(joinPath2(path2,name2));child!==void 0&&listing.push({name:name2,type:direntType2(child)})}return listing}diskListing(path2,mayBeOnlyAbove){
if(!mayBeOnlyAbove)return this.disk.readdir(path2);try{return this.disk.readdir(path2)}catch(error){if(error.code==="ENOENT")return[];throw error}}readlink(path2){
let node=this.find(path2);if(node===void 0)return this.disk.readlink(path2);if(node===null)throw uvError("ENOENT","readlink",path2);if(node.type!=="symlink")throw uvError(
"EINVAL","readlink",path2);return node.target}openForRead(path2){let node=this.find(path2);if(node===void 0)return this.disk.openForRead(path2);if(node===null)throw uvError(
"ENOENT","open",path2);if(node.content===void 0)return this.disk.openForRead(node.lowerPath??path2);let handle=this.nextHandle--;return this.handles.set(handle,
node.content),handle}read(fd,buffer,offset,length,position){let content=this.handles.get(fd);return content===void 0?this.disk.read(fd,buffer,offset,length,position):
content.readInto(buffer,offset,length,position)}close(fd){this.handles.delete(fd)||this.disk.close(fd)}readFile(path2){let node=this.find(path2);if(node===void 0)
return this.disk.readFile(path2);if(node===null)throw uvError("ENOENT","open",path2);if(node.type==="directory")throw uvError("EISDIR","read");return node.content===
void 0?this.disk.readFile(node.lowerPath??path2):readWholeContent(node.content)}statOf(node,path2){let type=node.mode&S_IFMT5,size=type===S_IFDIR4?blockSize:node.
size,mtimeNs=node.mtimeNs??0n;return{dev:node.diskDev??this.deviceOf(node,path2),ino:node.diskIno??this.inoOf(node),mode:node.mode,nlink:type===S_IFDIR4?this.directoryLinks(
node,path2):Math.max(1,node.links),uid:node.uid,gid:node.gid,rdev:0,size,blksize:blockSize,blocks:type===S_IFLNK2&&size<60?0:Math.ceil(size/blockSize)*(blockSize/
512),atimeNs:node.atimeNs??mtimeNs,mtimeNs,ctimeNs:node.ctimeNs??mtimeNs,birthtimeNs:node.ctimeNs??mtimeNs}}inoOf(node){let ino=this.inos.get(node);return ino===
void 0&&this.inos.set(node,ino=this.nextIno++),ino}deviceOf(node,path2){let dev=this.devices.get(node);if(dev!==void 0)return dev;for(let dir=parentOf2(path2);;dir=
parentOf2(dir)){let ancestor=this.find(dir);if(ancestor?.diskDev!==void 0){dev=ancestor.diskDev;break}let stat2=ancestor===void 0?this.disk.tryLstat?.(dir):void 0;
if(stat2!==void 0){dev=stat2.dev;break}if(dir==="/"){dev=this.disk.lstat("/").dev;break}}return this.devices.set(node,dev),dev}directoryLinks(node,path2){let links=2;
if(!node.opaque){let disk=this.disk.tryLstat?.(path2);disk!==void 0&&(disk.mode&S_IFMT5)===S_IFDIR4&&(links=disk.nlink)}let made=this.model.namesBelow(path2);if(made!==
void 0&&node.opaque)for(let name2 of made)this.model.entries.get(joinPath2(path2,name2))?.type==="directory"&&links++;return links}};function direntType2(node){
let type=node.mode&S_IFMT5;return type===S_IFDIR4?UV_DIRENT_DIR2:type===S_IFLNK2?UV_DIRENT_LINK2:type===S_IFREG3?UV_DIRENT_FILE2:0}function parentOf2(target){let slash=target.
lastIndexOf("/");return slash<=0?"/":target.slice(0,slash)}function joinPath2(dir,name2){return dir==="/"?"/"+name2:dir+"/"+name2}var import_node_fs13=require("node:fs"),import_node_path2=require("node:path");function withoutTrailingSlashes(text2){let end=text2.length;for(;end>1&&text2.charCodeAt(end-1)===47;)end--;return end===text2.length?text2:text2.slice(0,end)}var ENV={disable:"MEMFS_DISABLE",roots:"MEMFS_ROOTS",passThrough:"MEMFS_PASS_THROUGH",passThroughDefaults:"MEMFS_PASS_THROUGH_DEFAULTS",quota:"MEMFS_QUOTA",spool:"\
MEMFS_SPOOL",spoolLimit:"MEMFS_SPOOL_LIMIT",codeCache:"MEMFS_CODE_CACHE"},DEFAULT_PASS_THROUGH=["node_modules/","coverage/",".nyc_output/","junit*.xml","test-re\
sults/","test-reports/"],DEFAULT_TMP_PASS_THROUGH=["./jest_*/","./node-compile-cache/","./tsx-*/","./v8-compile-cache*/"],VITEST_MAIN_TMP_PASS_THROUGH=[`./${"?".
repeat(21)}/`],DEFAULT_QUOTA_BYTES=1024**3,ConfigError=class extends Error{constructor(variable,problem){super(`memfs-action: ${variable}: ${problem}`);this.variable=
variable;this.problem=problem;this.name="ConfigError"}variable;problem},thisMachine={cwd:()=>process.cwd(),tmpdir,realDirectory:p2=>import_node_fs13.realpathSync.
native(p2.endsWith("/")?p2:`${p2}/`),isVitestMain(){let script=(process.argv[1]??"").replaceAll("\\","/");return(script.endsWith("/.bin/vitest")||script.endsWith(
"/vitest/vitest.mjs"))&&currentThread().isMainThread}};function readConfig(env,system){if(readSwitch(env,ENV.disable,!1))return{disabled:!0};checkCodeCache(env);
let roots=readRoots(env,system),tmpdir2=system.tmpdir();try{tmpdir2=system.realDirectory(tmpdir2)}catch{}let spoolDir=readSpool(env,system),patterns=new PatternSet;
if(readSwitch(env,ENV.passThroughDefaults,!0)){for(let root of roots)for(let p2 of DEFAULT_PASS_THROUGH)patterns.add(p2,root);for(let p2 of DEFAULT_TMP_PASS_THROUGH)
patterns.add(p2,tmpdir2);if(spoolDir===void 0&&system.isVitestMain())for(let p2 of VITEST_MAIN_TMP_PASS_THROUGH)patterns.add(p2,tmpdir2)}for(let entry of listOf(
env[ENV.passThrough],ENV.passThrough)){if(entry.includes("\0"))throw new ConfigError(ENV.passThrough,`${JSON.stringify(entry)} contains a NUL byte.`);if((0,import_node_path2.isAbsolute)(
entry))patterns.add(entry,"/");else for(let root of roots)patterns.add(entry,root)}spoolDir!==void 0&&patterns.add(escapeGlob(spoolDir),"/");let passThrough=patterns.
globs(),quotaBytes=readSize(env,ENV.quota,DEFAULT_QUOTA_BYTES);return{disabled:!1,config:{roots,passThrough,quotaBytes,spoolDir,spoolLimitBytes:readSize(env,ENV.
spoolLimit,void 0)}}}function readRoots(env,system){let listed=listOf(env[ENV.roots],ENV.roots);if(listed.length===0){let cwd;try{cwd=system.cwd()}catch(error){let code=error.code??
error.message;throw new ConfigError(ENV.roots,`unset, and the working directory, its default, cannot be read (${code}).`)}let tmpdir2=system.tmpdir();return unique(
[...withAlias(cwd,realDirectoryOf(system,ENV.roots,cwd,`unset, and its default the working directory "${cwd}"`)),...withAlias(tmpdir2,realDirectoryOf(system,ENV.
roots,tmpdir2,`unset, and its default the temp dir "${tmpdir2}" (TMPDIR)`))])}return unique(listed.flatMap(root=>{if(!(0,import_node_path2.isAbsolute)(root))throw new ConfigError(
ENV.roots,`"${root}" is not an absolute path; every root must be absolute.`);if(root==="/"||(0,import_node_path2.resolve)(root)==="/")throw new ConfigError(ENV.
roots,'"/" cannot be a root: Node itself and every tool would run from memory.');return withAlias(root,realDirectoryOf(system,ENV.roots,root,`"${root}"`))}))}function withAlias(given,real){
let literal=(0,import_node_path2.resolve)(given);return literal===real?[real]:[real,literal]}function readSpool(env,system){let spool=env[ENV.spool]?.trim();if(spool){
if(!(0,import_node_path2.isAbsolute)(spool))throw new ConfigError(ENV.spool,`"${spool}" is not an absolute path.`);return realDirectoryOf(system,ENV.spool,spool,
`"${spool}"`)}}function checkCodeCache(env){let raw=env[ENV.codeCache]?.trim();if(!(!raw||OFF.includes(raw.toLowerCase())||(0,import_node_path2.isAbsolute)(raw)))
throw new ConfigError(ENV.codeCache,`"${raw}" is neither an absolute folder nor "off".`)}var SIZE=/^(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?$/i,UNIT={k:1024,m:1024**
2,g:1024**3,t:1024**4};function readSize(env,variable,byDefault){let raw=env[variable]?.trim();if(!raw)return byDefault;if(/^(unlimited|none)$/i.test(raw))return;
let match=SIZE.exec(raw);if(!match)throw new ConfigError(variable,`"${raw}" is not a size. Use bytes with an optional k, m, g or t suffix (powers of 1024, e.g. \
512m or 2g), or "unlimited".`);let bytes=Math.floor(Number(match[1])*(match[2]?UNIT[match[2].toLowerCase()]:1));if(bytes<1)throw new ConfigError(variable,`"${raw}\
" leaves no room for any write; use "unlimited" for no limit.`);if(!Number.isSafeInteger(bytes))throw new ConfigError(variable,`"${raw}" is too large; use "unli\
mited".`);return bytes}var OFF=["0","false","off","no"];function readSwitch(env,variable,byDefault){let raw=env[variable]?.trim().toLowerCase();if(!raw)return byDefault;
if(["1","true","on","yes"].includes(raw))return!0;if(OFF.includes(raw))return!1;throw new ConfigError(variable,`"${env[variable]}" is not a switch; use 1/true/o\
n or 0/false/off.`)}function realDirectoryOf(system,variable,p2,what){try{return system.realDirectory(p2)}catch(error){let code=error.code,why=code==="ENOENT"?"\
does not exist":code==="ENOTDIR"?"is not a directory":`cannot be used (${code??error.message})`;throw new ConfigError(variable,`${what} ${why}.`)}}function encodeList(entries,separator2){
return entries.every(entry=>!entry.includes(import_node_path2.delimiter)&&!entry.includes(`
`)&&!entry.startsWith("["))?entries.join(separator2):JSON.stringify(entries)}function listOf(raw,variable){return raw?raw.trimStart().startsWith("[")?jsonList(raw,
variable):raw.split(`
`).flatMap(line=>line.split(import_node_path2.delimiter)).map(entry=>entry.trim()).filter(entry=>entry!==""):[]}var PatternSet=class{anyDepth=new Map;anchored=new Map;add(pattern,base){
let bare=withoutTrailingSlashes(pattern);if((0,import_node_path2.isAbsolute)(bare))return this.put(this.anchored,"",bare);bare.includes("/")?this.put(this.anchored,
escapeGlob(base),bare.startsWith("./")?bare.slice(2):bare):this.put(this.anyDepth,escapeGlob(base),bare)}globs(){let out=[];for(let[base,names]of this.anyDepth)
out.push(import_node_path2.posix.join(base,"**",alternatives(names)));for(let[base,rests]of this.anchored)base===""?out.push(...rests):out.push(import_node_path2.posix.
join(base,alternatives(rests)));return out}put(map,base,rest){let set=map.get(base);set===void 0&&map.set(base,set=new Set),set.add(rest)}};function alternatives(items){
return items.size===1?[...items][0]:`{${[...items].join(",")}}`}var GLOB_SYNTAX="*?[]{}()!+@\\";function escapeGlob(literal){let escaped="";for(let char of literal)
escaped+=GLOB_SYNTAX.includes(char)?`\\${char}`:char;return escaped}function jsonList(raw,variable){let parsed;try{parsed=JSON.parse(raw)}catch{parsed=void 0}if(!Array.
isArray(parsed)||!parsed.every(entry=>typeof entry=="string"))throw new ConfigError(variable,'starts with "[" but is not a JSON array of strings; give a list se\
parated by newlines or ":", or a JSON array such as ["/work/a:b"].');return parsed.map(entry=>entry.trim()).filter(entry=>entry!=="")}function unique(items){return[
...new Set(items)]}function flushOnEveryEnding(journal){process.on("exit",()=>journal.close()),process.on("uncaughtExceptionMonitor",()=>journal.flush())}var import_node_path3=require("node:path");var S_IFMT6=61440,S_IFDIR5=16384,X_OK2=1;function installWorkingDirectory(engine,router){let kernelChdir=process.chdir,kernelCwd=process.cwd,inMemory,current=()=>inMemory??
kernelCwd.call(process),chdir=function(directory){if(typeof directory!="string")return kernelChdir.call(process,directory);let target=(0,import_node_path3.resolve)(
current(),directory);if(!router.owns(target)){kernelChdir.call(process,inMemory===void 0?directory:target),inMemory=void 0;return}let real=enterable(target,directory);
try{kernelChdir.call(process,real),inMemory=void 0;return}catch{}enterNearestOnDisk(real),inMemory=real};function enterable(target,asGiven){let cwd=current();try{
if((engine.stat(target).mode&S_IFMT6)!==S_IFDIR5)throw uvError("ENOTDIR","chdir",cwd,asGiven);return engine.access(target,X_OK2),engine.realpath(target)}catch(error){
let code=error.code;if(code===void 0||error.syscall==="chdir")throw error;let chdirError=uvError(code,"chdir",cwd,asGiven);throw Error.captureStackTrace(chdirError,
chdir),chdirError}}function enterNearestOnDisk(dir){for(let candidate=(0,import_node_path3.dirname)(dir);;candidate=(0,import_node_path3.dirname)(candidate))try{
kernelChdir.call(process,candidate);return}catch(error){if(candidate===(0,import_node_path3.dirname)(candidate))throw error}}process.chdir=chdir,process.cwd=function(){
return current()}}var import_node_fs14=require("node:fs"),readFileSync2=import_node_fs14.readFileSync;function trackUmask(){let original=process.umask,current,umask=function(mask){
let result=Reflect.apply(original,this,arguments);return mask!==void 0&&(current=void 0),result};return Object.defineProperty(umask,"length",{value:original.length}),
process.umask=umask,()=>current??=readUmask(original)}function readUmask(original){try{let status=readFileSync2("/proc/self/status","latin1"),match=/^Umask:\s*([0-7]+)$/m.
exec(status);if(match)return parseInt(match[1],8)}catch{}return original.call(process)}var import_node_module5=require("node:module");function withPreload(preloadPath,existing){let require2=`--require ${quoteForNodeOptions(preloadPath)}`,theirs=existing?.trim();return theirs?`${require2} ${theirs}`:
require2}function quoteForNodeOptions(value){return/[\s"\\]/.test(value)?`"${value.replace(/["\\]/g,"\\$&")}"`:value}function loadsPreload(nodeOptions,preloadPath){
return nodeOptions!==void 0&&nodeOptions.includes(preloadPath)}var before=()=>{},after=()=>{};function setHandOver(o){before=o.before,after=o.after}function beforeHandOver(){try{before()}catch{}}function afterHandOver(){after()}
function handingOver(fn){let wrapper=function(...args){return beforeHandOver(),Reflect.apply(fn,this,args)};return Object.defineProperty(wrapper,"name",{value:fn.
name}),Object.defineProperty(wrapper,"length",{value:fn.length}),wrapper}function installProcessHandOvers(){typeof process.send=="function"&&(process.send=handingOver(
process.send)),process.kill=handingOver(process.kill);for(let name2 of["stdout","stderr"]){let descriptor=Object.getOwnPropertyDescriptor(process,name2);if(descriptor?.
get===void 0||descriptor.configurable!==!0)continue;let get=descriptor.get,wrapped=!1;Object.defineProperty(process,name2,{...descriptor,get:function(){let stream=Reflect.
apply(get,this,[]);return!wrapped&&stream!==void 0&&typeof stream.write=="function"&&(wrapped=!0,stream.write=handingOver(stream.write)),stream}})}}function missingFrom(inheritance2,lookup){let missing=[],nodeOptions=lookup("NODE_OPTIONS");loadsPreload(nodeOptions,inheritance2.preloadPath)||missing.push(["N\
ODE_OPTIONS",withPreload(inheritance2.preloadPath,nodeOptions)]);for(let[name2,value]of inheritance2.variables)lookup(name2)===void 0&&missing.push([name2,value]);
return missing}function inheritedEnv(inheritance2,env){let missing=missingFrom(inheritance2,name2=>{let value=env[name2];return value==null?void 0:String(value)});
return missing.length===0?env:{...env,...Object.fromEntries(missing)}}function inheritedEnvPairs(inheritance2,pairs){let present=new Map;for(let pair of pairs){
if(!pair.startsWith("NODE_OPTIONS=")&&!pair.startsWith("MEMFS_"))continue;let equals=pair.indexOf("=");equals!==-1&&present.set(pair.slice(0,equals),pair.slice(
equals+1))}let missing=missingFrom(inheritance2,name2=>present.get(name2));if(missing.length===0)return;let replaced=new Set(missing.map(([name2])=>name2));return[
...pairs.filter(pair=>!replaced.has(pair.slice(0,pair.indexOf("=")))),...missing.map(([name2,value])=>`${name2}=${value}`)]}function installReach(inheritance2){
whenBuiltinReached(["child_process","cluster"],()=>patchChildProcess(inheritance2)),whenBuiltinReached(["worker_threads"],()=>patchWorker(inheritance2)),whenBuiltinReached(
["net","http","https","http2","tls","child_process","cluster"],patchSockets)}var socketsPatched=!1;function patchSockets(){if(socketsPatched)return;socketsPatched=
!0;let proto=loadBuiltin("node:net").Socket.prototype;typeof proto._writeGeneric=="function"&&(proto._writeGeneric=handingOver(proto._writeGeneric))}function patchChildProcess(inheritance2){
let childProcess=loadBuiltin("node:child_process"),proto=childProcess.ChildProcess.prototype,spawn=proto.spawn;proto.spawn=keepName(spawn,function(options){let pairs=options?.
envPairs,inherited=Array.isArray(pairs)?inheritedEnvPairs(inheritance2,pairs):void 0;beforeHandOver();let result=Reflect.apply(spawn,this,[inherited?{...options,
envPairs:inherited}:options]),child=this;return typeof child.send=="function"&&(child.send=handingOver(child.send)),result});let afterArgs=args=>args[1]==null||
Array.isArray(args[1])?2:typeof args[1]=="object"?1:-1;for(let[name2,optionsAt]of[["spawnSync",afterArgs],["execFileSync",afterArgs],["execSync",()=>1]]){let original=childProcess[name2];
childProcess[name2]=keepName(original,function(...args){let at=optionsAt(args),options=args[at];if(at!==-1&&(options==null||typeof options=="object")){let env=options?.
env||process.env,inherited=inheritedEnv(inheritance2,env);inherited!==env&&(args=[...args],args[at]={...options,env:inherited})}beforeHandOver();try{return Reflect.
apply(original,this,args)}finally{afterHandOver()}})}(0,import_node_module5.syncBuiltinESMExports)()}function patchWorker(inheritance2){let workerThreads=loadBuiltin(
"node:worker_threads"),{Worker}=workerThreads,port=workerThreads.MessagePort.prototype;port.postMessage=handingOver(port.postMessage),workerThreads.Worker=new Proxy(
Worker,{construct(target,args,newTarget){let options=args[1],env=options?.env;if(env!==null&&typeof env=="object"){let inherited=inheritedEnv(inheritance2,env);
inherited!==env&&(args=[args[0],{...options,env:inherited},...args.slice(2)])}return beforeHandOver(),Reflect.construct(target,args,newTarget)}}),(0,import_node_module5.syncBuiltinESMExports)()}
function keepName(original,wrapper){return Object.defineProperty(wrapper,"name",{value:original.name}),Object.defineProperty(wrapper,"length",{value:original.length}),
wrapper}function createCoherence(o){let fresh=!1,budget=0,expire=()=>{fresh=!1},look=()=>{let refreshed;try{refreshed=o.runLayer.refresh()}catch{return}refreshed!==void 0&&
o.engine.reveal(newerThanOwn(refreshed.changed,o.lastOwnChange))};return{refresh(){fresh&&--budget>0||(fresh||(fresh=!0,queueMicrotask(expire)),budget=64,look())},
stale(){fresh=!1}}}function newerThanOwn(changed,lastOwnChange){return changed.filter(change=>{let own=lastOwnChange(change.path);return own===void 0||own<change.
time})}function lookingForOthersChanges(router,refresh){return{owns(abs,spelt){return router.owns(abs,spelt)?(refresh(),!0):!1},ownsLink(abs,spelt){return router.ownsLink(
abs,spelt)?(refresh(),!0):!1},forget:()=>router.forget()}}var INSTALLED=Symbol.for("memfs-action.preload.installed"),JournalOnFirstChange=class{constructor(open2,reportUnsavedWrites){
this.open=open2;this.reportUnsavedWrites=reportUnsavedWrites}open;reportUnsavedWrites;journal;ended=!1;onChange(change){let journal=this.opened();journal.onChange(
change),this.ended&&journal.close()}opened(){return this.journal?this.journal:this.journal=this.open()}flush(){if(this.journal)return this.journal.flush();try{this.
reportUnsavedWrites()}catch{}}close(){this.flush(),this.journal?.close(),this.ended=!0}handOver(){this.journal?.handOver()}lastChangeOf(path2){return this.journal?.
lastChangeOf(path2)}file(){return this.journal?.file}};function compilePassThroughGlobs(globs){return require_picomatch2()(globs,{dot:!0})}var OtherUserError=class extends Error{};
function checkSpoolAccess(spoolDir){try{(0,import_node_fs15.accessSync)(spoolDir,import_node_fs15.constants.W_OK|import_node_fs15.constants.X_OK)}catch(error){let uid=process.
getuid?.(),owner=(0,import_node_fs15.statSync)(spoolDir).uid;throw uid===void 0||owner===uid?error:new OtherUserError(`memfs-action: this process runs as user ${uid}\
, but the run's spool ${spoolDir} (MEMFS_SPOOL) is private to user ${owner}, who runs memfs-action: it holds what the tests wrote, and the report takes in that \
user's journals only. This process could neither see the files earlier processes of the run wrote nor record its own, so it stops before its program runs.
Start it as user ${owner} like the rest of the run (without the uid or gid given to spawn, su or setpriv), or run memfs-action itself as user ${uid}.
`)}}function inheritance(preloadPath){let variables=[];for(let name2 of Object.values(ENV)){let value=name2===ENV.disable?void 0:process.env[name2];value!==void 0&&
variables.push([name2,value])}return{preloadPath,variables}}function install(config){let{spoolDir}=config,journal,spaceGuard;if(spoolDir!==void 0){checkSpoolAccess(
spoolDir);let space=new SpoolSpace({spoolDir,capBytes:config.spoolLimitBytes});journal=new JournalOnFirstChange(()=>openJournal({spoolDir,engine,space}),()=>engine.
reportUnsavedWrites?.()),flushOnEveryEnding(journal);let observer=journal;space.flushPending=()=>observer.flush(),spaceGuard=space}let disk=createDiskLayer(),runLayer=spoolDir!==
void 0?createRunLayer(spoolDir,disk,{roots:config.roots,ownJournal:()=>journal?.file()}):void 0,lower=runLayer??disk,engine=new Overlay({lower,quotaBytes:config.
quotaBytes,umask:trackUmask(),...journal&&{observer:journal},...spaceGuard&&{spaceGuard}}),locate=createDiskLocator({cwd:()=>process.cwd()}),router=createPathRouter(
{roots:config.roots,passThrough:config.passThrough,locate},compilePassThroughGlobs);if(runLayer!==void 0){let coherence=createCoherence({runLayer,engine,lastOwnChange:path2=>journal.
lastChangeOf(path2)});router=lookingForOthersChanges(router,coherence.refresh),setHandOver({before:()=>journal.handOver(),after:coherence.stale}),installProcessHandOvers()}
installFs(engine,router,{deferPromises:canHookModules()}),installModuleLoading(engine,router),installWorkingDirectory(engine,router),typeof memfsPreloadFile=="s\
tring"&&installReach(inheritance(memfsPreloadFile)),(0,import_node_module6.syncBuiltinESMExports)()}function main(){let global=globalThis;if(global[INSTALLED])return;
Object.defineProperty(global,INSTALLED,{value:!0,enumerable:!1});let result;try{result=readConfig(process.env,thisMachine)}catch(error){if(!(error instanceof ConfigError))
throw error;(0,import_node_fs15.writeSync)(2,`${error.message}
`),process.exit(1)}if(!result.disabled){process.env[ENV.roots]||(process.env[ENV.roots]=encodeList(result.config.roots,import_node_path4.delimiter));try{install(
result.config)}catch(error){error instanceof OtherUserError&&((0,import_node_fs15.writeSync)(2,error.message),process.exit(1));let detail=error instanceof Error?
error.stack??error.message:String(error);(0,import_node_fs15.writeSync)(2,`memfs-action: the preload could not start, so this process stops: ${detail}
Running on would let it write to the real disk. If the error names a folder of the run (its spool, a root), make it usable by this process; otherwise this is a \
fault of memfs-action: please report it to the memfs-action project with this message, your Node version (${process.version}) and OS.
`),process.exit(1)}}}main();

})
