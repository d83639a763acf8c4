/**
 * The phrasings detect-outbound-request.ts looks for, over folded text (normalize.ts). A reply asks for a
 * secret when a request verb, said to the cardholder, has the secret as its object ("please reply with your
 * PIN"), when we say we need it ("I'll need the CVV"), or when the clause is the secret and a "please" or "?".
 */

// Verbs that send something to us; "type" and "enter" go into a keypad or app unless "here"/"below" is said.
const TO_US = 'reply|respond|send|give|tell|recite|dictate|repeat|spell\\s+out|read\\s+(?:out|back|off)|let\\s+(?:me|us)\\s+know|pass\\s+(?:along|on)|hand\\s+over|get\\s+me|shoot\\s+(?:me|us)|drop\\s+(?:me|us)|send\\s+over';
const PLACED = 'provide|share|confirm|verify|submit|supply|furnish|disclose|divulge|specify|quote|relay|forward|paste|include|attach|upload|fill\\s+in|(?:note|jot|write)\\s+down';
const NEEDS_OBJECT = 'read|say|state|write|text|e-?mail|message|dm|post|list|drop|put|leave';
const KEYPAD = 'enter|type|input|key\\s+in|punch\\s+in';
export const VERB = new RegExp(`(?<![a-z'-])(?:(${TO_US})|(${PLACED})|(${NEEDS_OBJECT})|(${KEYPAD}))(?![a-z'-])`, 'g');
export const GERUND = /(?<![a-z])(by|mind|appreciate(?:\s+(?:it\s+if\s+you|you))?)\s+(?:just\s+)?(replying|responding|sending|giving|providing|sharing|telling|confirming|verifying|submitting|supplying|reading|typing|entering|texting|emailing|letting\s+(?:me|us)\s+know)(?![a-z])/g;
// "It would help if you sent your PIN": a request put as a wish.
export const WISH =
  /(?<![a-z])(?:help|appreciate\s+it|be\s+(?:great|helpful|easier|faster|quicker|ideal))\s+if\s+you(?:'d|\s+would|\s+could)?\s+(?:just\s+|please\s+|kindly\s+)?(sent|send|provided|provide|gave|give|shared|share|replied|reply|confirmed|confirm|told|tell|texted|text|emailed|email|typed|type)(?![a-z])/g;
export const OBJECT_WORD = /^\s+(?:me|us|back|out|over|it|them|your|ur|yr|the|that|those|this|these|along|in|down)(?![a-z])/;
export const TO_CARDHOLDER = /^\s+(?:you|u)(?![a-z])/;
export const THIRD_PARTY =
  /^\s+(?:them|him|her|anyone|anybody|someone|somebody)(?![a-z])|(?<![a-z])(?:to|with)\s+(?:anyone|anybody|someone|somebody|strangers?|others|people|third\s+part(?:y|ies)|a\s+third\s+party|them|him|her|callers?|fraudsters?|scammers?|merchants?)(?![a-z])/;
export const ELSEWHERE =
  /(?<![a-z])(?:(?:in|into|on|at|through|via|using|within|inside|with)\s+(?:the\s+|our\s+|your\s+|an?\s+|any\s+)?(?:[a-z-]+\s+)?(?:app|application|website|web\s+site|atms?|keypad|pin\s*pad|terminal|online\s+banking|portal|authenticator|card\s+reader|reader|checkout|machine|browser|login\s+page|sign-in\s+page|settings)|when\s+prompted|at\s+checkout|to\s+(?:finish\s+)?(?:sign|log)(?:ging)?\s+in|[a-z0-9-]+\.(?:com|org|net|bank))(?![a-z])/;
export const CHAT = /(?<![a-z])(?:here|below|in\s+(?:this|the|your)\s+(?:chat|message|reply|conversation|thread|box|field|window|email|text)|to\s+(?:me|us)|for\s+(?:me|us)|into\s+this)(?![a-z])/;
export const RECIPIENTS = /^(?:\s+(?:me|us|back|over|along|out|with|to\s+me|to\s+us|up))*\s+/;
// Between a verb and its object: words that make the secret the object of something else.
export const BETWEEN_BREAKERS = new Set(
  ('about regarding how why whether if when once after before guide guides article articles faq faqs tips tip link links ' +
    'instructions policy advice where more reset change update create set choose protect keep manage lock unlock activate ' +
    'recover retrieve find locate view received got shared gave given sent told entered typed used changed forgot forgotten ' +
    'lost disclosed provided have has had never not without except instead rather than purpose point reason difference ' +
    'meaning best safest way').split(' '),
);
export const US_NEED =
  /(?:(?<![a-z])(?:i|we|i'll|we'll|i'd|we'd|i've|we've)(?:\s+(?:will|would|also|just|still|really|first|now|then|do|definitely|'ll))*|^\s*(?:(?:just|only|still|also|now)\s+)?(?=need\s))\s*(?:need|needs|require|must\s+(?:have|get|see|collect|take|ask\s+(?:you\s+)?for)|(?:have|got)\s+to\s+(?:have|get|see|collect|take|ask\s+(?:you\s+)?for)|need\s+to\s+(?:have|get|see|know|collect|take|check|confirm|verify|note|ask\s+(?:you\s+)?for)|want|like|ask\s+(?:you\s+)?for)(?![a-z])/g;
export const ASKING_QUESTION =
  /(?<![a-z])(?:(?:can|could|may|might|shall|will|would)\s+(?:i|we)\s+(?:please\s+|just\s+|quickly\s+|also\s+|now\s+)?(?:have|get|grab|take|see|know|ask\s+(?:you\s+)?for|confirm|verify|check|collect|trouble\s+you\s+for|borrow)|let\s+(?:me|us)\s+(?:just\s+|quickly\s+|also\s+)?(?:grab|get|take|have|confirm|verify|collect|check|see|note|jot\s+down|write\s+down|take\s+down)|what(?:'s|s|\s+is|\s+are|\s+was|\s+were|\s+would\s+be)(?=\s+(?:your|ur|yr|the|that|those|these)(?![a-z])))(?![a-z])/g;
export const DEFINITION_END = /(?:for|mean|means|stand\s+for|used\s+for|look\s+like|located|found|printed)\s*\??\s*$/;
export const REQUIRED =
  /^(?:\s+(?:is|are|will\s+be|would\s+be))?\s+(?:required|needed|necessary|mandatory)\s+(?:from\s+you|to\s+(?:proceed|continue|verify|process|complete|confirm|move\s+forward|help|look\s+into|unlock|finish|resolve|investigate|update)|for\s+(?:verification|security|this|your|us|me|processing|the))/;
export const FRAGMENT_FILLER =
  /^(?:[\s,:.?!-]|please|pls|plz|kindly|and|also|plus|now|then|next|just|so|ok|okay|great|thanks|thank\s+you|your|ur|the|my|too|as\s+well|again|over|here|quickly|real\s+quick|lastly|finally|one\s+more\s+thing|what\s+about|how\s+about|expiration|expiry|exp|date|name|zip|billing|address)*$/;

export const BARE_END = /^\s*(?:(?:please|pls|now|again|here|back|over|to\s+(?:me|us)|(?:when|once)\s+you\s+(?:get|receive|have)\s+it)\s*)*$/;

// "p l e a s e  s e n d  y o u r  P I N": letters spaced out one by one are read as words.
export const SPACED_LETTERS = /(?<![a-z])[a-z](?: [a-z](?![a-z])){3,}/g;
