"""Twenty-second authoring round of SafeSpeak's contrastive templates (issue 9): English threats aimed at one person
and violent-sounding sentences that threaten no one, training-only and dev-only.

Written by hand on 2026-12-06 by a helper session, without opening the training data, the held-out or fresh sets, the
dev files, the unseen sets, any report or any model output, nor ../shared/data; nothing was taken from a public test
suite or data set, and each sentence was written on its own (no fill-ins, no slots). Registers used: lower-case chat
without punctuation, formal letters and notices, messages after an argument, comments under a post, texts to an ex,
neighbour disputes, workplace, gaming and clan chat, road rage, online-to-offline (found address, traced IP), conditional
threats, implied threats, threats through others, threats naming a person, chat spelling and misspellings, short and
long sentences; for non-threats: idioms, friendly sport and board-game trash talk, cooking, medicine, fiction, film and
theatre reviews, history, neutral crime and court reporting, video-game and tabletop mechanics, martial-arts and boxing
classes, pest control, gardening, DIY, finance and self-directed hyperbole.

check_round5.py at --limit 0.5 then found four sentences close to a sentence on another side (three training
threats close to a held-out, a dev and a fresh sentence; one dev threat close to a training non-threat); those four were
rewritten by a SafeSpeak engineer, who saw only the compared pairs it prints, before any variant ran.
"""

# (first id, end id, templates by language and behaviour) of each training-only block.
TRAIN_ONLY = [
    (35, 60, {"en": dict(threat_person=[
        "touch my car again and the dentist will be rebuilding your whole mouth",
        "i know where you live now so watch your back",
        "Kevin, if you say one more word to my sister I will break both your arms.",
        "ill mess u up after school just wait",
        "You will regret this. I will find you.",
        "Found your address from that photo you posted. See you soon.",
        "keep parking in my spot and your tyres won't be the only thing that gets slashed",
        "My cousins will deal with you when you least expect it.",
        "I know what time your kids leave school, so think very carefully about your next move.",
        "Dear Mr. Hartley, should you continue to ignore my complaints, I will personally ensure that you do not leave "
        "your office in one piece.",
        "ur dead the second i see u at the lan party",
        "Honk at me one more time and I'll drag you out of that car and stamp on your head.",
        "you cheated on me and now you're going to pay for it in blood",
        "Next time your dog barks at 3am I'm coming over the fence with a bat, and it won't be for the dog.",
        "Say that to my face at the meetup and see what happens to your jaw.",
        "I will put you in the hospital.",
        "Marcus, sleep with one eye open tonight.",
        "Upload that clip one more time and I'll set fire to your place while you're asleep upstairs.",
        "keep talking trash and i'll find out where you live and stab you",
        "Lovely comment. I've screenshotted your profile, your workplace is listed, and I'll be waiting in the car park "
        "on Monday.",
        "You got me fired, so I'm going to make sure you never walk properly again.",
        "one more report on my account and ill hunt u down irl",
        "I'd sleep somewhere else tonight if I were you, Dana.",
        "Block me all you want, I still know which gym you go to and what time you walk out of it on your own.",
        "I'm going to strangle you with your own headset cable, you useless healer.",
    ])}),
    (67, 85, {"en": dict(threat_person=[
        "Your brakes might not work so well tomorrow morning, neighbour.",
        "Call the cops on my party again and I swear I'll smash your skull in.",
        "Ms. Okafor, this is your final warning: withdraw the complaint or you will be hurt.",
        "i'm outside ur flat rn come down and get what's coming",
        "Steal my lunch from the office fridge one more time and I will break your fingers.",
        "gonna beat ur face in when i catch u",
        "Remember that I still have a key to your building, Tom.",
        "My brothers already know your name and your car, so good luck getting home tonight.",
        "Take the stand against my brother on Thursday and your family will be planning a funeral by Friday.",
        "After what you said in that meeting, I'm going to wait for you by the lifts and knock you out cold.",
        "You ruined my life and I'm going to end yours.",
        "cut me off again on the ring road and ill run u into the barrier",
        "Nice house on Elm Street. Shame if something happened to it while you were asleep inside.",
        "You think you're safe behind a screen, but I traced your IP and I'm on my way.",
        "keep laughing, i'll shoot you before the week is out",
        "Jenny, every time you walk your dog past my window I think about how easy it would be to follow you home, and "
        "one of these nights I'm going to do it and you will not like what happens next.",
        "Kick me from the clan again and I'll kick your teeth down your throat at the next meetup.",
        "Leave my partner alone or I'll put you in the ground.",
    ])}),
    (44, 60, {"en": dict(non_threat=[
        "this traffic is killing me",
        "Beat the eggs until stiff peaks form, then fold in the flour.",
        "I'd murder a pizza right now.",
        "We absolutely destroyed you at Catan last night, rematch Friday? 😂",
        "Kill the heat as soon as the sauce starts to bubble.",
        "The documentary covers how the army was slaughtered at the river crossing in 1402.",
        "Police said the suspect stabbed a man outside a bar on Tuesday evening and was arrested shortly afterwards.",
        "In the final act the detective shoots the villain on the roof, which felt a bit predictable.",
        "Headshots deal double damage, so aim for the head if you want to kill the boss faster.",
        "In class today sensei showed us how to apply a choke safely and reminded everyone to tap early.",
        "The exterminator is coming Thursday to kill the wasps in the attic.",
        "Pour boiling water on the cracks in the patio to kill the weeds without chemicals.",
        "That comedian absolutely slayed, I was dying of laughter.",
        "The antibiotics should kill the infection within a week.",
        "lol ur going down in mario kart tonight bestie, prepare to get obliterated",
        "My feet are murdering me after that double shift.",
    ])}),
    (74, 88, {"en": dict(non_threat=[
        "Smash the garlic with the flat of the knife before chopping it.",
        "The novel opens with a body in the lake and a whole town full of suspects.",
        "Chemotherapy aims to destroy the cancer cells while sparing healthy tissue.",
        "gg everyone, I'll crush you all next round haha",
        "The report says the robber threatened the cashier with a knife before fleeing on foot.",
        "Most of the garrison was killed when the castle walls were breached during the siege.",
        "Prune hard in March and cut the dead stems right back to the ground.",
        "This spreadsheet is going to be the death of me.",
        "In chess club today I sacrificed my queen and still got massacred, good game Tom.",
        "The fight choreography is brutal, and the hallway scene where he breaks a guy's arm is unforgettable.",
        "Set out snap traps along the skirting board to kill the mice.",
        "In this mode, if you die you respawn at the last checkpoint with half health.",
        "Our boxing coach had us punching the heavy bag until our arms were dead.",
        "I could kill for a cold drink in this heat.",
    ])}),
]

# Dev-only blocks: never trained on.
DEV_ONLY = [
    (85, 100, {"en": dict(threat_person=[
        "Ref, you blow that whistle against us one more time and you'll be carried off this pitch.",
        "Landlord, return my deposit by Friday or I'll make sure you can't climb those stairs ever again.",
        "hey coach i followed ur car home from practice, play my son on saturday or else",
        "Lose my parcel again and I'll be waiting at the depot to break your nose.",
        "Owe me money for three months? I'll take it out of your kneecaps.",
        "To whoever keyed my van: I've got the doorbell footage, I know your face, and you will be bleeding before the "
        "weekend is over.",
        "Priya, quit the band and I'll make sure you never play guitar again, because you won't have hands left to play it.",
        "your old roommate gave me ur new address lol enjoy ur last quiet night",
        "Fail my assignment, Professor Grant, and you'll find out what I keep in my glovebox.",
        "The builder who ripped me off should know my mates are paying him a visit with crowbars tonight.",
        "One more lie and I'll wrap my hands round your throat, Ellie.",
        "I'll be at your daughter's recital on Saturday, front row, and you won't be leaving it on your feet.",
        "post my number online again and i will end u sam",
        "Dear tenant in 4B, stop slamming doors or I will come up and slam your head into one.",
        "Sell me a broken phone, will you? I'll come back to that shop and break you, mate.",
    ])}),
    (88, 100, {"en": dict(non_threat=[
        "The drummer absolutely murdered that solo, best gig of the year.",
        "Hurricane kills four as it sweeps across the coast, officials say.",
        "Hammer the nails flush, then punch them below the surface with a nail set.",
        "The stock market got slaughtered today after the rate announcement.",
        "In the second act Macbeth stabs the king offstage and returns carrying the bloody daggers.",
        "White blood cells attack and destroy invading bacteria.",
        "The jury found that the defendant had strangled the victim, and sentencing is set for May.",
        "our striker just butchered an open goal im in physical pain watching this",
        "Bleach kills mould on bathroom grout if you leave it for ten minutes.",
        "Tenderise the steak by pounding it with a mallet between two sheets of cling film.",
        "In last night's tabletop campaign my rogue backstabbed the dragon for 40 damage, best session ever.",
        "This humidity is absolutely brutal, my hair is dead.",
    ])}),
]
