import type { Template } from './model';

/**
 * Mutual's own templates: short, warm, and each gives the other person an easy way to say no.
 * Optional parts sit in sections so a missing value changes the wording instead of leaving a gap.
 */
const BUILT_IN_TEMPLATE_IDS = [
  'reverse-request',
  'reverse-invite',
  'mentor-request',
  'two-way',
  'erg-intro',
  'follow-up',
  'first-meeting',
  'thank-you',
  'decline',
] as const;
export type BuiltInTemplateId = (typeof BUILT_IN_TEMPLATE_IDS)[number];

const SIGN_OFF = '{{me.firstName}}';

const builtIn = (template: Omit<Template, 'builtIn' | 'kind'> & { id: BuiltInTemplateId }): Template => ({
  ...template,
  kind: template.id,
  builtIn: true,
});

export const BUILT_IN_TEMPLATES: readonly Template[] = [
  builtIn({
    id: 'reverse-request',
    name: 'Offer to reverse-mentor a senior colleague',
    subject: 'A reverse-mentoring idea, {{them.firstName}}?',
    body: `Hi {{them.firstName}},

I'm {{me.firstName}}{{#me.title}}, {{me.title}}{{/me.title}}{{#me.department}} in {{me.department}}{{/me.department}}. I found you in our mentoring directory and wondered whether you'd like to try a little reverse mentoring.

{{#iTeachThem}}
I'd be glad to share what I know about {{iTeachThem}}{{#theirAsk}} (you mentioned “{{theirAsk}}”){{/theirAsk}}.{{#theyTeachMe}} And I'd learn a lot from how you approach {{theyTeachMe}}.{{/theyTeachMe}}

{{/iTeachThem}}
{{#sharedErg}}
We're both part of {{sharedErg}}, which is partly why I thought of you.

{{/sharedErg}}
Maybe a {{format}} of {{session}} {{cadence}}, to start?

If the timing isn't right, a quick “not now” is completely fine.

Thanks,
${SIGN_OFF}`,
  }),
  builtIn({
    id: 'reverse-invite',
    name: 'Ask to be reverse-mentored',
    subject: '{{#theyTeachMe}}Could you show me {{theyTeachMe}}?{{/theyTeachMe}}{{^theyTeachMe}}Would you reverse-mentor me?{{/theyTeachMe}}',
    body: `Hi {{them.firstName}},

I'm {{me.firstName}}{{#me.title}}, {{me.title}}{{/me.title}}{{#me.department}} in {{me.department}}{{/me.department}}. Our mentoring directory says you know {{theyTeachMe}} well, and I'd love to get better at that.

{{#myAsk}}
My concrete goal: {{myAsk}}.

{{/myAsk}}
Would you be up for reverse-mentoring me? I'm thinking of a {{format}} of {{session}} {{cadence}}, for {{duration}}. {{#iTeachThem}}I'd like it to go both ways, too: I'm happy to share what I know about {{iTeachThem}}.{{/iTeachThem}}{{^iTeachThem}}And if there's anything I can help you with in return, I'd be glad to.{{/iTeachThem}}

If it isn't a good fit or a good moment, just say so – a one-line “no thanks” is perfectly fine.

Best,
${SIGN_OFF}`,
  }),
  builtIn({
    id: 'mentor-request',
    name: 'Ask for mentoring',
    subject: 'Could you show me {{theyTeachMe}}, {{them.firstName}}?',
    body: `Hi {{them.firstName}},

I'm {{me.firstName}}{{#me.title}}, {{me.title}}{{/me.title}}{{#me.department}} in {{me.department}}{{/me.department}}. Our mentoring directory says you know {{theyTeachMe}} well, and I'd love to get better at that.

{{#myAsk}}
My concrete goal: {{myAsk}}.

{{/myAsk}}
Would you be willing to mentor me? I'm thinking of a {{format}} of {{session}} {{cadence}}, for {{duration}}.{{#iTeachThem}} I'd be glad to share what I know about {{iTeachThem}} in return.{{/iTeachThem}}

If it isn't a good fit or a good moment, just say so – a one-line “no thanks” is perfectly fine.

Best,
${SIGN_OFF}`,
  }),
  builtIn({
    id: 'two-way',
    name: 'Two-way mentoring proposal',
    subject: 'Two-way mentoring, {{them.firstName}}?',
    body: `Hi {{them.firstName}},

I found you in our mentoring directory and think we could help each other.

I can help you with {{iTeachThem}}{{#theirAsk}} (you mentioned “{{theirAsk}}”){{/theirAsk}}. I'd love to learn {{theyTeachMe}} from you{{#myAsk}} – my goal is “{{myAsk}}”{{/myAsk}}.

{{#sharedInterests}}
I also noticed we share an interest in {{sharedInterests}}.

{{/sharedInterests}}
How about a {{format}} of {{session}} {{cadence}}, with the time split equally between your topic and mine? We could try it for {{duration}} and see.

No pressure at all: if now isn't a good time, tell me and I won't follow up.

${SIGN_OFF}`,
  }),
  builtIn({
    id: 'erg-intro',
    name: 'Introduction through a shared ERG',
    subject: 'Hello from a fellow {{sharedErg}} member',
    body: `Hi {{them.firstName}},

We're both part of {{sharedErg}}, and I found you in our mentoring directory. I'm {{me.firstName}}{{#me.title}}, {{me.title}}{{/me.title}}{{#me.department}} in {{me.department}}{{/me.department}}.

{{#theyTeachMe}}
I'd love to hear how you approach {{theyTeachMe}}{{#iTeachThem}}, and I'd be glad to share what I know about {{iTeachThem}} in return{{/iTeachThem}}.

{{/theyTeachMe}}
{{^theyTeachMe}}
{{#iTeachThem}}
I'd be glad to share what I know about {{iTeachThem}}, if that's useful to you.

{{/iTeachThem}}
{{/theyTeachMe}}
Would you be open to a {{format}} of {{session}} to see whether mentoring each other makes sense?

If you're busy, no worries at all – “not now” is a perfectly good answer.

${SIGN_OFF}`,
  }),
  builtIn({
    id: 'follow-up',
    name: 'Follow-up after no reply',
    subject: 'Following up, {{them.firstName}}',
    body: `Hi {{them.firstName}},

Just bringing my earlier note back to the top of your inbox in case it got buried.{{#theyTeachMe}} I'd still love to learn {{theyTeachMe}} from you{{#iTeachThem}}, and to share what I know about {{iTeachThem}} in return{{/iTeachThem}}.{{/theyTeachMe}}

If it's not the right time, or not your thing, that's completely fine – say the word and I won't nudge again.

Thanks,
${SIGN_OFF}`,
  }),
  builtIn({
    id: 'first-meeting',
    name: 'First meeting: setting expectations',
    subject: 'Our mentoring sessions – a proposal',
    body: `Hi {{them.firstName}},

Thanks for agreeing to give this a try! Here is a short proposal for how we could work together; change anything you like.

- What we want from it: {{objective}}
- How long and how often: {{session}} {{cadence}} ({{format}}), for {{duration}}
- How we'll know it worked: {{successMeasure}}
- Time split equally both ways: half of each session on your topic, half on mine{{#theyTeachMe}} ({{theyTeachMe}} for me{{#iTeachThem}}, {{iTeachThem}} for you{{/iTeachThem}}){{/theyTeachMe}}
- Confidentiality: what we discuss stays between us unless we both agree otherwise
- Either of us can pause or stop at any time, no explanation needed

Does that work for you? If you'd rather change something, just tell me.

Looking forward to it,
${SIGN_OFF}`,
  }),
  builtIn({
    id: 'thank-you',
    name: 'Thank you',
    subject: 'Thank you, {{them.firstName}}',
    body: `Hi {{them.firstName}},

Thank you for your time{{#theyTeachMe}} and for everything you shared about {{theyTeachMe}}{{/theyTeachMe}}. I learned a lot{{#myAsk}}, and I'm a real step closer to my goal: {{myAsk}}{{/myAsk}}.

I hope it was useful for you too. If there's anything I can do in return{{#iTeachThem}} – more on {{iTeachThem}}, say{{/iTeachThem}} – just ask.

With thanks,
${SIGN_OFF}`,
  }),
  builtIn({
    id: 'decline',
    name: 'Polite decline',
    subject: 'Re: mentoring',
    body: `Hi {{them.firstName}},

Thank you for thinking of me – I'm genuinely glad you asked. Right now I can't give a mentoring partnership the time it deserves, so I have to say no for the moment.

{{#sharedErg}}
I hope we'll cross paths at {{sharedErg}} events.

{{/sharedErg}}
Please feel free to ask again in a few months, and I hope you find a great partner in the meantime.

All the best,
${SIGN_OFF}`,
  }),
];

export function isBuiltInId(id: string): id is BuiltInTemplateId {
  return (BUILT_IN_TEMPLATE_IDS as readonly string[]).includes(id);
}

export function builtInTemplate(id: BuiltInTemplateId): Template {
  return BUILT_IN_TEMPLATES.find((template) => template.id === id)!;
}
