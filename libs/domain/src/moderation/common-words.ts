/*
 * Ordinary English words that compromise's lexicon leaves out (it tags unknown words as nouns, so it omits
 * most nouns): the lower-case entries of SCOWL's British English size-35 list (Debian wbritish-small), less
 * the words compromise knows and the inflections of words kept. Proper nouns in SCOWL are capitalised and so
 * are not here. The name detector uses it as its "is this an ordinary word" test.
 */
export const COMMON_WORDS =
  "aardvark abaci aback abacus abandonment abate abbot abbreviate abbreviation abdicate abdication abdomen " +
  "abdominal aberration abhor abhorrence abhorrent ability abler ablest ably abnormal abnormality abode abolition " +
  "abominable abomination aboriginal aborigine abortion abortive aboveboard abrasive abridge abrupter abruptest " +
  "abscess absence absentee absolutest absorbent absorption abstain abstention abstinence abstraction absurdity " +
  "abundance abuser abusive abysmal abyss academically academy accede acceleration accelerator accentuate " +
  "acceptability acceptable acceptance accessibility accessible accessory accidental acclaim acclimatise accolade " +
  "accommodation accompaniment accompanist accomplice accomplishment accordance accordion accountability " +
  "accountable accountancy accredit accumulate accumulation accuracy accusation accuser achievable achievement " +
  "acidity acknowledgement acne acorn acoustic acquaint acquiescence acquisition acquit acreage acrid acrider " +
  "acridest acrimonious acrimony acrobatic acronym acrylic action active activity actual actuality actuary acumen " +
  "acupuncture acuter acutest adage adaptable adaptation adapter adaptive adaptor addiction addictive addition " +
  "additional additive addressee adhere adherence adherent adhesion adhesive adjacent adjoin adjournment adjunct " +
  "adjustable adjustment administration administrative admirable admiration admire admirer admissible admission " +
  "admittance admonish admonition ado adobe adolescence adoption adorable adoration adore adornment adrift adroit " +
  "ads adulation adulterate adulteration adultery adulthood advancement advantageous advent adventure adventurous " +
  "adverb adverbial adversary adverser adversest adversity advert advertisement advertiser advisable advise " +
  "adviser advisory aeon aerial aerodynamic aeroplane aerosol aerospace aesthetic aesthetically afar affable " +
  "affair affectation affection affidavit affiliation affinity affirm affirmation affirmative afflict affliction " +
  "affluence affluent affordable affront afield aflame afloat afoot aforementioned aforesaid afresh aftereffect " +
  "afterlife afterlives aftermath afternoon afterthought afterwards agency agenda aggravate aggravation aggregate " +
  "aggression aggressive aggressiveness aggressor aghast agility agitate agitation agitator aglow agnostic " +
  "agnosticism agonise agony agreement agricultural agriculture aground aide ail ailment aimless airborne " +
  "airfield airier airiest airline airliner airmail airport airstrip airy aisle ajar akin alarmist albeit albino " +
  "album alcohol alcoholism alcove ale algebra algebraic algorithm alibi alienate alienation alignment alimony " +
  "alit alkali allay allegation allegiance allegorical allegory allergic alleviate alley alliance alligator " +
  "allocate allocation allotment allowable allowance alloy allusion almanac almanack almighty almond alms aloft " +
  "aloud alpha alphabet alphabetic alphabetical alphanumeric altar alterable alteration alternation alternator " +
  "altitude alto altruism altruistic aluminium amalgamation amass amateur amateurish amazement ambassador " +
  "ambiance ambidextrous ambience ambient ambiguity ambiguous ambition ambitious ambivalence ambivalent amble " +
  "ambulance ambush ameer amenable amend amendment amenity amethyst amiable amicable amiss ammonia ammunition " +
  "amnesia amoeba amoebae amok amoral amorous amorphous amount amp ampere ampersand amphetamine amphibian " +
  "amphibious amphitheatre ampler amplest amplification amplifier amplify amplitude amputate amputation amuck " +
  "amulet amusement anachronism anaemia anaemic anaesthesia anaesthetic anagram anal analgesic analog analogous " +
  "analogue analogy analyser analytic analytical anarchic anarchism anarchy anathema anatomical anatomy ancestral " +
  "ancestry anchovy ancient ancienter ancientest android anecdota anew angelic angle angler angrily angst anguish " +
  "angular ani animation animosity ankle annals annex annexation annihilate annihilation anniversary annotate " +
  "annotation announcement annoyance annual annuity annulment anoint anomalous anon anonymity anonymous anorak " +
  "answerable ant antagonise antagonism antagonist antagonistic anteater antelope anthem anthill anthology " +
  "anthrax anthropological anthropologist anthropology antibiotic antibody antic anticipation anticlimax " +
  "antifreeze antipathy antiquate antiquity antiseptic antisocial antitheses antithesis antler antonym anus anvil " +
  "anxiety anxious anyhow anyplace anywhere aorta aortae apartheid apartment apathetic apathy ape aped aperture " +
  "apex aphorism apices apiece aping aplomb apocryphal apologetic apologetically apologise apology apostrophe " +
  "appal apparatus apparel appearance appeasement append appendage appendicitis appetiser appetising applaud " +
  "applause apple appliance applicability applicable applicant application applicator appointee appointment " +
  "apposite appraisal appreciable appreciation appreciative apprehend apprehension apprehensive apprenticeship " +
  "approachable appropriation approval approximation apricot apron apter aptest aptitude aquamarine aquaria " +
  "aquarium aquatic aqueduct arable arbiter arbitrarily arbitrate arbitration arbitrator arbour arcade arcane " +
  "archaeological archaeologist archaeology archaic archer archery archest archetypal archetypical archipelago " +
  "architectural architecture archway arcked arcking ardent ardour arduous area arena arguable argument " +
  "argumentative arid aristocracy aristocratic ark armadillo armament armchair armistice armoury armpit army " +
  "aroma aromatic arraign arrangement arrears arrival arrogance arrow arse arson artefact arterial artery artful " +
  "arthritic arthritis artichoke article articulation artifice artificial artillery artistic artistically " +
  "artistry artwork asbestos ascend ascension ascertain ascetic ascribe asexual ash ashamed ashcan ashore ashtray " +
  "askance askew asparagus aspen aspersion asphalt asphyxiate asphyxiation aspirant aspiration ass assailant " +
  "assassin assassinate assassination assault assaulter assembler assent assertion assertive assessment assessor " +
  "asset assignment assimilate assimilation assistance association associative assort assortment assumption " +
  "assurance asterisk asteroid asthma astonishment astray astride astringent astrological astrology astronomical " +
  "astronomy astuter astutest asylum asymmetry asynchronous atheism atheist atheistic athletic atlas atmosphere " +
  "atmospheric atom atomic atone atonement atrocious atrocity attachment attacker attainment attend attendance " +
  "attention attentive attire attitude attraction attractive attractiveness attributable attribute attribution " +
  "auburn auctioneer audacious audacity audible audience audio audit audition auditor auditoria auditorium " +
  "auguster augustest aura aurae aural auspicious austerer austerest austerity authentic authentically " +
  "authenticate authenticity authorisation authorise authoritarian authoritative authority authorship auto " +
  "autobiographical autobiography autocracy autocratic autograph automatic automatically automation automobile " +
  "automotive autonomous autonomy autumn autumnal auxiliary avail availability available avalanche avarice " +
  "avaricious avenge avenue averse aversion aviation aviator avid avoidable avoidance avow avowal awareness awe " +
  "awed awful awfuller awfullest awing awkwarder awkwardest awkwardness awning awoke awry axe axed axing axiom " +
  "axiomatic axle azalea azure babble babe babier babiest baboon babyish bachelor backbone backer backgammon " +
  "background backhand backlash backlog backpack backside backslash backspace backstage backtrack backwoods bacon " +
  "bacteria bacterial bacterium badder baddest bade badge badger badminton badness bag bagel baggier baggiest " +
  "baggy bait bakery balcony baldness bale balk ball ballad ballast ballerina ballet ballistics balloon ballot " +
  "ballroom balm balmier balmiest balmy baloney bamboo bamboozle banal banana bandage bandana bandanna bandier " +
  "bandiest bandit banditti bandstand bandwagon bandwidth bandy bani banish banister banjo banknote bankruptcy " +
  "banner bannister banquet banter baptise baptism barb barbarian barbaric barbarous barbecue barbeque " +
  "barbiturate bard bareback barefoot bargainer baritone barley barman barn barnacle barnyard barometer baroque " +
  "barrage barrel barrener barrenest barrette barricade barrister barter baseball baseline basement baser basest " +
  "bashful basic basically basil basin basis bask basket basketball bassoon bastard baste bat batch bath bathroom " +
  "bathtub baton batsman battalion battery battlefield battleship baud baulk bawl bay bayonet bayou bazaar beach " +
  "beacon bead beadier beadiest beady beagle beak beaker beam bearable beard bearer beast beater beautician " +
  "beautify beauty beaver beckon bed bedbug bedclothes bedder bedlam bedridden bedrock bedroom bedside bedspread " +
  "bedtime bee beech beefier beefiest beefy beehive beeper beer beeswax beet beetle beeves befall befallen befell " +
  "befit beforehand beggar beginner begrudge behalf behalves behaviour behavioural beholder beige belabour belch " +
  "belfry belie belief believable believer bell bellboy bellhop belligerent bellow belying bemoan bemuse bench " +
  "bender benediction benefactor beneficial beneficiary benevolence benevolent benighted bequest bereave " +
  "bereavement bereft beret berry berserk berth beseech beset besiege besought bestial bestiality beta betcha " +
  "betrayal betrothal betterment bettor beverage bewilderment bib bible biblical bibliographic bibliography " +
  "bicentennial bicker bicycle bidden biennial bifocals bigamist bigamous bigamy bigot bigotry bikini bilateral " +
  "bile bilingual billboard billfold billow bin binary binder bingo binomial biochemical biochemistry " +
  "biodegradable biographer biographical biography biological biologist biology biped biplane birch bird birdcage " +
  "birth birthday birthmark birthplace biscuit bisect bisexual bitmap bitterer bitterness bittersweet blab " +
  "blackberry blackbird blackboard blacken blackhead blackjack blacklist blackmail blackmailer blackout " +
  "blacksmith blacktop bladder blade blameless blamer blanch blancmange blanker blankest blanket blare blaspheme " +
  "blasphemous blasphemy blaster blatant blazer bleach bleak bleaker bleakest blearier bleariest bleary bleat " +
  "blent blest blight blimp blinder blindest blindfold blindness blinker blip bliss blissful blister blither " +
  "blithest blizzard blob bloc blockade blockage blockbuster blockhead blog blonde bloodhound bloodshed bloodshot " +
  "bloodstream bloodthirstier bloodthirstiest bloodthirsty bloom blot blotch blotter blouse blowout blowtorch " +
  "blubber bludgeon bluebell blueberry bluebird bluegrass blueprint bluff bluffer bluffest blunder bluntness " +
  "blurb blush bluster boa boar boarder boastful bobbin bobcat bobsled bode bodice bodily bodyguard bodywork " +
  "boiler boisterous boldness bologna boloney bolt bombardment bomber bondage boney boneyer boneyest bonfire " +
  "bonier boniest bonnet bonus bony booby bookcase bookend bookkeeper booklet bookmark bookshelf bookshop " +
  "bookstore bookworm boomerang boon boor boorish booster bootee booth bootie bootleg bootstrap booty booze bop " +
  "borderline boredom borne bosom bossier bossiest bossy botanical botanist botany botch bothersome bottleneck " +
  "bottomless bough boulder boulevard boundary boundless bountiful bounty bouquet bourbon bourgeoisie boutique " +
  "bovine bow bowel bowlegged bowler boxcar boxer boyhood boyish bra brace bracelet bracket brackish brag " +
  "braggart braid brain brainier brainiest brainless brainstorm brainwash brainy braise bran brandish brassier " +
  "brassiere brassiest brassy brat bravado bravery brawl brawn brawnier brawniest brawny bray brazen brazier " +
  "breadwinner breakable breakdown breakneck breakpoints breakwater breast breath breather breathless breeder " +
  "breeze breezier breeziest breezy brethren brevity brew brewery bribery bridal bridegroom bridesmaid bridle " +
  "briefcase briefer briefest brigade brightness brilliance brim brimstone brine brinier briniest brink briny " +
  "brisker briskest bristle britches brittle brittler brittlest broach broadside brocade broccoli brochure broil " +
  "broiler bronchitis broncho bronco brooch brood broom broth brotherhood brow browbeat browbeaten brownie browse " +
  "brunch brunette brunt brusk brusker bruskest brusque brusquer brusquest brutal brutality brutish bubblier " +
  "bubbliest bucket budge buffalo buffet buffoon bug bugger buggier buggiest buggy bugle bugler bulb bulbous " +
  "bulge bulkier bulkiest bulky bull bulldog bulldoze bulldozer bullet bulletin bullfight bullfighter bullfrog " +
  "bullion bum bumblebee bummer bummest bumper bumpier bumpiest bumpy bun bunch bung bungalow bungle bungler " +
  "bunion bunk bunker buoy buoyancy buoyant burble burdensome bureau bureaucracy bureaucrat bureaucratic bureaux " +
  "burger burgle burlap burner burnish burr burro burrow bursar bush bushel bushier bushiest bushy busily " +
  "business businessmen businesswomen busybody butchery butler butte buttercup buttermilk butterscotch buttery " +
  "buttock button buttonhole buttress buxom buyer buzzard buzzer bygone bypast bystander byway cab cabaret " +
  "cabbage cabin cabinet cable caboose cacao cache cackle caddie caddy cadence cafeteria caffeine cagier cagiest " +
  "cagy cajole calamity calcium calculation calculator calculi calculus calendar calf calibrate calibration " +
  "calibre calico callable caller calligraphy callous callow callus calmness calve camaraderie camel cameo camera " +
  "camouflage campaign campaigner camper campus cancellation cancer candid candidacy candidate candle candlestick " +
  "candour candy canine canister canker cannery cannibalism cannier canniest cannon canny canon canonical canopy " +
  "cant cantaloupe cantankerous canteen canter canvas canvasser canyon capability capable capacitance capacitor " +
  "capacity cape caper capillary capitalisation capitalise capitalism capitalist capitulate caprice capricious " +
  "capsize capsule caption captivity captor caramel caravan carbon carburetter carburettor carcass carcinogenic " +
  "cardboard cardigan cardinal career carefree careful carefuller carefullest carefulness careless carelessness " +
  "cargo caribou caricature carnage carnal carnation carnival carnivore carnivorous carouse carp carpentry carpet " +
  "carriage carriageway carrion carrot cart cartel cartilage cartographer cartography carton cartoon cartoonist " +
  "cartwheel cascade case cashew cashmere casino cask casket casserole cassette cassino castaway caste caster " +
  "castigate castle castoff castrate casual casualty cat cataclysm cataclysmic catalogue catapult cataract " +
  "catastrophe catastrophic catcall catchier catchiest catchment catchup catchy catechism categorical categorise " +
  "category caterer catfish catholic catnap catnip catsup cattle catwalk cauliflower causal causality causeway " +
  "caustic cautious cavalier cavalry caveat cavern caviar caviare cavity cavort caw ceasefire ceaseless cedar " +
  "cede celebration celery celestial celibacy celibate cell celli cellist cello cellophane cellular cellulose " +
  "cement cemetery censor censorship censure census centennial centimetre centipede central centralise " +
  "centrepiece centrifuge ceramic cerebral ceremonial ceremonious ceremony certainty cervical cessation chafe " +
  "chaff chagrin chainsaw chairmen chairperson chalet chalice chalk chalkier chalkiest chalky challenger chamber " +
  "chameleon champ champagne championship chance changeable changeover chaotic chap chapel chaperon chaperone " +
  "chapt chapter char characterisation characterise characteristically charcoal chargeable charger chariot " +
  "charisma charismatic charitable charlatan charter chasm chassis chaste chasten chaster chastest chastise " +
  "chastisement chastity chatter chatterbox chattier chattiest chatty chauvinist cheapen cheapness checker " +
  "checkout checkpoint checkup cheek cheep cheerful cheerfuller cheerfullest cheerfulness cheerier cheeriest " +
  "cheesecloth cheetah chemical chemist chemistry chequer cherry cherub cherubim chess chest chestnut chewier " +
  "chewiest chi chic chicer chicest chick chid chidden chide chiefer chiefest chieftain childbirth childhood " +
  "childish childlike chiller chillest chilli chime chimney chimp chimpanzee chink chintz chipmunk chipper " +
  "chiropractor chisel chivalrous chivalry chlorine chloroform chlorophyll choice choicer choicest choir choke " +
  "cholera cholesterol choosey choosier choosiest choosy chopper choppier choppiest choppy choral chord chore " +
  "choreographer choreography chortle chorus chowder chrome chromium chromosome chronic chronically chronicle " +
  "chronological chronology chubbier chubbiest chubby chuckle chug chummier chummiest chummy chunk chunkier " +
  "chunkiest chunky church churn chute cider cigar cigarette cinch cinder cinema cinnamon cipher circuit " +
  "circuitous circuitry circular circulate circulation circulatory circumcise circumcision circumference " +
  "circumflex circumstance circumstantial circumvention cistern citation citizenship citric citrus civilian " +
  "civilisation civilise civility clack clad clairvoyance clairvoyant clam clamber clammier clammiest clammy " +
  "clamour clamp clan clandestine clang clank clapper claptrap claret clarification clarify clarinet clarity " +
  "clash clasp class classical classification classmate classroom classy clatter clause claustrophobia cleanlier " +
  "cleanliest cleanliness cleanser clearance clearness cleat cleavage cleave cleaver clef cleft clemency clench " +
  "clergyman clergymen clerical cleverness clii climactic climate climax climber clime clinch clinical clink " +
  "clipboard clipt clique clitoris clix cloak clock clockwork clod clog cloister closeness closet closure clot " +
  "clothe clothespin cloudburst clout clove cloven clover clubhouse cluck clue clueless clump clumsier clumsiest " +
  "clumsily clumsiness clumsy cluster clutch clvi clvii clxi clxii clxiv clxix clxvi clxvii coagulate coagulation " +
  "coalition coarsen coarseness coast coastal coaster coastline coax cob cobalt cobble cobbler cobra cobweb " +
  "cocaine cock cockeyed cockier cockiest cockpit cockroach cocktail cocky cocoa cocoanut coconut cocoon cod " +
  "coercion coexistence coffee coffer coffin cog cogency cognac cognitive coherence coherent coil coinage " +
  "coincidence coincidental colander coldest coldness collaborate collaboration collaborative collaborator " +
  "collage collapsible collarbone collate collateral collation collection collective collector college collegiate " +
  "collie collision colloquial colloquialism collusion colon colonial colonisation colonise colony colourful " +
  "colourless colt column coma comb combatant combination combustible combustion comeback comedy comelier " +
  "comeliest comestible comet comfortable comical comma commandant commandeer commandment commando commemorate " +
  "commemoration commencement commend commendable commendation commentator commerce commercialise commercialism " +
  "commiserate commiseration commission commitment committee commodity commodore commonplace commonwealth " +
  "commotion communal commune communicable communication communicative communicator communion communism community " +
  "commutative commuter compact compacter compactest compaction companionship company comparable comparative " +
  "compare comparison compartment compass compassion compatibility compatible compatriot compensate compensation " +
  "competence competent competition competitive competitor compilation compiler complacency complacent complaint " +
  "complementary completeness completion complexion complexity compliance compliant complication compliment " +
  "complimentary component composite composition compost composure comprehend comprehensible comprehension " +
  "comprehensive compress compression comprise compulsion compulsive compunction computation computational " +
  "compute computer computerise comradeship con concatenate concatenation concealment concede conceit conceivable " +
  "concentration concentric concept conception conceptual concert concerti concerto concession conciliate " +
  "conciliation conciseness conciser concisest conclusion conclusive concoct concoction concord concordance " +
  "concourse concurrence concurrency concurrent concussion condemnation condensation condescend condiment " +
  "condition conditional condolence condom condominium condor conductor cone confection confederacy confederate " +
  "confederation confer conference conferrer confession confetti confidence confident confidential " +
  "confidentiality configurable configuration confine confinement confirmation confiscate confiscation conformity " +
  "confound confrontation congeal congenial congest congestion congratulate congregate congregation congress " +
  "congressmen congresswomen congruent conical conifer coniferous conjecture conjugation conjunction connect " +
  "connection connective connectivity connector connexion connoisseur connotation conqueror conquest conscience " +
  "conscientious conscious consciousness consecrate consecutive consensus consequence consequent consequential " +
  "conservation conservatism conservative considerable considerate consideration consign consignment consistency " +
  "consistent consolation console consolidation consonant consort consortium conspicuous conspiracy conspirator " +
  "constancy constellation consternation constipation constituency constitution constitutional constraint " +
  "constrict constriction construction constructive construe consul consular consultancy consultation consumable " +
  "consumer consumerism consumption contagion contagious container contaminate contamination contemplate " +
  "contemplation contemplative contempt contemptible contemptuous contend contention contentious contentment " +
  "contest contestant context contextual contiguous continent continental contingency contingent continual " +
  "continuation continuity continuous continuum contort contortion contour contraband contraception contraceptive " +
  "contract contraction contractor contractual contradict contradiction contraption contravene contravention " +
  "contribution contributory contrive controllable controversial controversy convalesce convalescence " +
  "convalescent convection convenience convenient convent convention conventional convergence conversant " +
  "conversation conversational converse conversion converter convertor convex conveyance convict conviction " +
  "convoluted convoy convulse convulsion convulsive coo cookbook cooker coop cooperate cooperation coordination " +
  "cop copious copper copperhead copulate copulation copyright cord cordial cordless cordon corduroy corkscrew " +
  "corn cornea corner cornet cornflakes cornier corniest cornmeal cornstarch corny corollary coronary coronation " +
  "coroner corporation corpse corpulent corpuscle correction corrective correctness corrector correlate " +
  "correlation correspondence correspondent corridor corroborate corroboration corrosion corrosive corruptible " +
  "corruption corsage corset cortex cosier cosiest cosily cosiness cosmetic cosmic cosmology cosmonaut " +
  "cosmopolitan cosmos costume cosy cot cottontail cottonwood couch cougar council counsellor countable countdown " +
  "countenance counter counteract counterattack counterbalance counterexample counterpart countersign countless " +
  "country countryman countrymen countryside county coup coupon courage courageous course courser courteous " +
  "courtesy courthouse courtroom courtship courtyard cove covenant coverage covet covetous cow coward cowardice " +
  "cower cowgirl cowhide coyer coyest crab crabbier crabbiest crabby cracker crackle crackpot cradle craftier " +
  "craftiest craftily craftsman craftsmen crag craggier craggiest craggy cram cranberry crane crania cranium " +
  "crank crankier crankiest cranky crap crass crasser crassest crate crater crawfish crayfish crayon craze " +
  "crazier craziest crazily craziness crazy creak creakier creakiest creaky cream creamier creamiest creamy " +
  "crease creation creative creativity creature credence credential credibility credible creditable creditor " +
  "credulous creed creek creepier creepiest cremate cremation crepe crescendi crescendo crescent crest " +
  "crestfallen cretin cretinous crevasse crevice crew crib cricket crime criminal crimson cringe crinkle crispy " +
  "crisscross critical criticise criticism critique croak crochet croci crock crockery crocodile crocus crofts " +
  "crony crook crookeder crookedest croon croquet crossbow crosser crossest crossroad crosswalk crossword crotch " +
  "crouch crow crowbar crown crucial crucifix crucifixion crucify cruder crudest crudity crueller cruellest " +
  "cruelty cruise cruiser crumb crumblier crumbliest crummier crummiest crummy crumple crunch crunchy crusade " +
  "crusader crust crustacean crustier crustiest crusty crutch crux crybaby crypt cryptic crystallisation " +
  "crystallise cub cubic cubicle cuckoo cucumber cuddle cuff cuing cuisine culinary cull cullender culminate " +
  "culmination culpable culprit cult cultivation cultural culture cum cumbersome cumulative cunninger cunningest " +
  "cupboard cupful cupsful cur curable curd curdle curfew curio curiosity curious currant current curry curse " +
  "cursor cursory curst curtain curter curtest curtsey curtsy curvature cushion custard custodian custody custom " +
  "customisation customise cutback cuticle cutlery cutlet cutter cutthroat cyanide cybernetics cyclic cyclist " +
  "cyclone cylinder cylindrical cymbal cynic cynical cynicism cypher cypress cyst czar dabble dachshund daemon " +
  "daffodil daft dagger daintier daintiest daintily dainty dairy dais dally dame damnation damndest damnedest " +
  "dampness damsel dandelion dandier dandiest dandruff dandy danger dangerous dangle dank danker dankest dapperer " +
  "darker darkest darkness darn dashboard dastardly data datum daub dauntless dawdle daybreak daydream daydreamt " +
  "daylight daytime deaden deadline deadlock deafness dearth deaves debase debasement debatable debauchery " +
  "debility debit debonair debris debt debtor debugger decadence decadent decanter decapitate decease deceit " +
  "deceitful decency decent decentralisation decentralise deception deceptive decibel deciduous decision decisive " +
  "deck declaration declension decoder decompose decomposition decoration decorative decorous decorum decoy " +
  "decrepit dedication deduce deduction deductive deed deem defamation defamatory defame default defeatist " +
  "defecate defective defence defenceless defend defendant defender defensible defensive deference deferential " +
  "defiance defiant deficiency deficient deficit defile definable definition definitive deflate deflation deflect " +
  "deflection deformity defrost deft defter deftest defunct degradation degree dehydrate deify deign deject " +
  "dejection delectable delegation delete deleterious deletion deli deliberation delicacy delicatessen delicious " +
  "delightful delimiter delinquency delinquent deliria delirious delirium deliverance delivery delta delude " +
  "deluge delusion deluxe delve demagogue demeanour demented dementia demerit democracy democrat democratic " +
  "democratically demolition demon demonstrably demonstrate demonstration demonstrative demonstrator demoralise " +
  "demote demotion demount demurer demurest den denigrate denim denomination denominator density dent dental " +
  "dentist dentistry denunciation deodorant deodorise department departmental departure depend dependable " +
  "dependant dependence dependency depiction deplete deplorable deportation deportment depose depot deprave " +
  "depravity deprecate depreciate depreciation depression deprivation deprive depth derailment deride derision " +
  "derivation derogatory descend descendent descent describable describe description descriptive descriptor " +
  "desecrate desecration desegregation designate designation desirability desirable desirous desk desktop " +
  "desolate desolation despair despatch desperation despicable despise despot despotic dessert destabilise " +
  "destination destine destiny destitution destroy destroyer destruction destructive detachable detachment detain " +
  "detect detectable detection detector detention deter detergent deteriorate deterioration determinable " +
  "determination determinism deterministic detest dethrone detonate detonation detonator detour detract detriment " +
  "detrimental devalue devastation development deviant deviate deviation device devil devious devise devolution " +
  "devotee devotion devour devouter devoutest dew dexterity dexterous dextrous diabetic diabolical diagnostic " +
  "diagonal diagram dial dialog dialogue diameter diametrically diamond diaper diaphragm diarrhoea diary diatribe " +
  "dictate dictation dictatorial dictatorship diction dictionary diesel diet dietary difference different " +
  "differential differentiate differentiation difficulty diffusion digestible digestion digestive digit digital " +
  "digitise dignity digress digression dike dilapidated dilate dilation dilemma diligence diligent dill dilute " +
  "dilution dimension dimensional dimer diminutive dimmest dimple din diner dinghy dingier dingiest dingy " +
  "dinosaur diocese dioxide diphtheria diphthong diploma diplomacy diplomata diplomatic diplomatically direction " +
  "directive directness directory dirge dirt disability disadvantageous disagree disagreeable disagreement " +
  "disallow disambiguate disappear disappearance disappointment disapproval disapprove disarmament disarray " +
  "disaster disastrous disavow disband disbelief disbelieve disbursement disc discernible disciple disciplinarian " +
  "disciplinary disclaim disclaimer disclosure disco discoloration discolour discolouration discomfort disconcert " +
  "disconnect disconsolate discontinue discontinuity discord discordant discouragement discourse discourteous " +
  "discourtesy discovery discredit discreeter discreetest discrepancy discretion discretionary discriminate " +
  "discrimination discriminatory discus discussion disdain disdainful disease disembark disembarkation " +
  "disenchantment disengage disentangle disfavour disfigure disgrace disgraceful dishonest dishonour " +
  "dishonourable dishwasher disillusion disillusionment disinfect disinfectant disingenuous disinherit " +
  "disintegrate disintegration disinterested disk dislocate dislocation dislodge disloyal disloyalty dismal " +
  "dismay dismember dismiss dismissal dismissive dismount disobedience disobedient disobey disorder disown " +
  "disparage disparity dispassionate dispel dispensary dispensation dispenser dispersal dispersion displace " +
  "displacement displeasure disposable disposal dispose dispossess disproportionate disproven disqualify disquiet " +
  "disregard disrepair disreputable disrespect disrespectful disruption disruptive dissatisfaction dissatisfy " +
  "dissect dissection disseminate dissemination dissension dissenter dissertation disservice dissident dissimilar " +
  "dissimilarity dissipate dissipation dissociate dissociation dissolute dissolution dissolve dissonance distance " +
  "distaste distasteful distend distillation distiller distillery distincter distinctest distinction distinctive " +
  "distinguishable distorter distortion distraction distraught distribute distribution distributor distrust " +
  "distrustful disturbance disuse dither ditto ditty diver divergence diversify diversion diversity divinity " +
  "divisible division divisive divisor dizziness doctrine documentation dodo doe doer dog doggerel doghouse dogma " +
  "dogmata dogmatic dogwood doldrums doleful doll dolphin domain dome domestic domesticate domesticity domicile " +
  "dominance dominant dominate domination dominion domino donate donation donkey donor doodle doom doorman " +
  "doormen doorstep doorway dopey dopier dopiest dopy dormitory dorsal dos dose dot dote doubtful doubtless " +
  "doughnut dour dourer dourest douse dowdier dowdiest dowdy downcast downfall downgrade downhearted downhill " +
  "downier downiest downpour downright downstream downward downy dowry doze dozen drab drabber drabbest draconian " +
  "dragon drainage drama dramatic dramatically dramatisation dramatise dramatist drape drapery drastic " +
  "drastically draught draughtier draughtiest draughtsman draughtsmen draughty drawback drawbridge drawer drawl " +
  "dread dreadful dreamer dreamier dreamiest dreamy drearier dreariest dregs drench dresser dressier dressiest " +
  "dressmaker dressy driftwood drily drinkable drinker drivel driveway drizzle droll droller drollest drool droop " +
  "dropout dross drought drouth drowse drowsier drowsiest drowsiness drudge drudgery drug druggist drugstore " +
  "drummer drumstick drunkard drunken drunkenness dryer dryest dryness dual dualism dubious duchess duck duckling " +
  "duct dud duet duff dugout duke dullness dully dulness duly dumbbell dumbfound dumfound dummy dumpier dumpiest " +
  "dumpling dumpster dumpy dunce dune dung dungeon dunk dunno duo dupe duplex duplication duplicity durability " +
  "durable duration duress dusk duskier duskiest dusky dust dustbin dustmen dustpan dutiful duty duvet dwarf " +
  "dwarves dwelt dyked dyking dynamic dynamical dynamite dynamo dysentery dyslexia eagerer eagerest eagerness " +
  "eagle ear earache eardrum earner earnestness earshot earthier earthiest earthquake earthworm earthy ease easel " +
  "easily easterly eastward eater eave eavesdrop ebb ebony eccentric eccentricity ecclesiastical eclectic eclipse " +
  "ecological ecologist ecology economic economical economise ecosystem ecstasy ecstatic ecumenical eczema edger " +
  "edgeways edgewise edgier edgiest edgy edible edict edifice edition editorial editorship educational educator " +
  "eel eery effective effectiveness effectual effeminate effervescent efficiency efficient effort effortless " +
  "effusive egalitarian eggplant ego egocentric egoism egotism egotist eigenvalue ejaculate ejaculation eject " +
  "ejection eke eked eking elaboration elastic elasticity elation elbow eldest election elective elector " +
  "electoral electric electrical electrocute electrocution electrode electrolysis electromagnetic electron " +
  "electronic electronically electrostatic elegance elegy element elemental elementary elephant elevate elevation " +
  "elevator elf eligibility eligible eliminate elimination elitism elitist elk ellipse ellipsis elliptic " +
  "elliptical elm elongate elope elopement eloquence eloquent elsewhere elusive elves email emanate emancipate " +
  "emancipation embankment embarrassment embed embellish embellishment ember embezzle embezzlement embitter " +
  "emblem embodiment emboss embroidery embryo embryonic emergence emergency emigrant emigrate emigration eminence " +
  "emissary emission emit emotion emotional emotive empathy emphases emphasis emphasise emphatic emphatically " +
  "emphysema empire empirical employ employment emporia emporium empress emptiness emulate emulation emulator " +
  "emulsion enactment enamel encapsulate encase enchantment enclosure encode encompass encore encouragement " +
  "encryption encumbrance encyclopaedia encyclopedia endearment endeavour endemic endive endless endorsement " +
  "endowment endurance endways enema enemata energetic energetically enforcement engagement engine engraver " +
  "engross enhancement enigma enigmatic enjoyable enlargement enlighten enlightenment enlistment enmity enormity " +
  "enormous enquiry enrage enrichment enrolment ensemble enshrine ensign enslave entail entangle entanglement " +
  "entertain entertainer enthusiasm enthusiast enthusiastic enthusiastically enticement entirety entitle entity " +
  "entomologist entomology entrails entrance entrant entrap entreat entreaty entropy entry entwine enumerate " +
  "enumeration enunciate enunciation envelope enviable envious environment environmental environs envoy enzyme " +
  "eon epaulette ephemeral epidermis epilepsy epileptic epilogue episode epitaph epithet epitome epsilon equalise " +
  "equality equanimity equate equation equator equatorial equestrian equilateral equilibrium equine equinox " +
  "equitable equity equivalence equivalent equivocal era eradicate eraser erasure erection ergo ergonomic erode " +
  "erosion erotic err errand errant erratic erratically erroneous error erudite eruption escalate escalation " +
  "escalator escapade escapism escort esoteric especial espionage essay essence establishment esteem estimation " +
  "estrangement eternal eternity ether ethereal ethical ethnic ethos etiquette etymological etymology eulogise " +
  "eulogy euphemism euthanasia evacuate evacuation evade evaluation evangelical evangelism evangelist " +
  "evangelistic evaporate evaporation evasion evasive evener evenest evenness eventful eventual eventuality " +
  "evergreen everlasting evermore everywhere evict eviction evidence evident eviller evillest evocative evolution " +
  "evolutionary ewe exacerbate exacter exactest exaggeration exaltation exam examination exasperation excavate " +
  "excavation excellence excellent exception exceptional excerpt excessive excise excitable excitement " +
  "exclamation exclusion exclusive excommunicate excommunication excrement excrete excruciating excursion " +
  "excusable executable execute execution executioner executor exemplary exemplify exemption exertion exhaustion " +
  "exhaustive exhibition exhilaration exhortation existent existential exodus exonerate exoneration exorbitant " +
  "exotic expandable expanse expansion expansive expatriate expectancy expectant expectation expediency " +
  "expedition expend expendable expenditure expense expensive experimental experimentation expiration expiry " +
  "explanation explanatory expletive explicable exploitation exploration explorer explosion explosive exponent " +
  "exponential exporter exposition exposure expound expression expressive expressway expulsion extant " +
  "extemporaneous extension extensive exterior exterminate extermination external extinct extinction extinguisher " +
  "extort extortion extortionate extraction extracurricular extradite extradition extraneous extraordinarily " +
  "extraordinary extrapolate extrapolation extraterrestrial extravagance extravert extremist extremity extricate " +
  "extrovert exuberance exult exultation eyebrow eyelash eyesight eyesore eyewitness eying fable fabricate " +
  "fabrication fabulous facade faceless facet facetious facial facile facilitate facility facsimile fact faction " +
  "factor factorial factorisation factory factual faculty fad faeces faggot failure fairer fairest fairness fairy " +
  "faithful faithfulness faithless falcon fallacious fallacy fallible fallout falsehood falser falsest falsetto " +
  "falsification falsify falsity fame familiarise familiarity famine famous fan fanatic fanatical fanciful " +
  "fanfare fang fantastic fantastically fantasy faraway farce fare farmland farthest fascination fascism fascist " +
  "fashion fashionable fastener fastidious fatal fatalistic fatality fateful fatherhood fatherland fathom fatigue " +
  "fatter fattest fattier fattiest fatty fatuous faucet fault faultless fauna faunae favourable favouritism fawn " +
  "faze fearful fearless fearsome feasibility feasible feast feat feather featherier featheriest feathery federal " +
  "federalism federalist federation fee feedback feeder feeler feign feint feline feller fellest fellowship felon " +
  "felony femininity feminism fen fender fermentation ferocious ferocity ferret ferry fertilisation fertilise " +
  "fertiliser fertility fervour fester festival festive festivity festoon feted fetid feting fetter fetus feud " +
  "feudal feudalism fever feverish fewest fez fiasco fib fibber fibre fibreglass fiche fickle fickler ficklest " +
  "fictional fictitious fiddle fiddler fidelity fidget fidgety fiendish fierceness fierier fieriest fiesta " +
  "figment figurative figurehead filament filch filet filler fillet filly filmier filmiest filmy filth filthier " +
  "filthiest filthy fin finale finalise finalist finality finch finesse finger fingernail fingerprint fingertip " +
  "finickier finickiest finicky fir firearm firecracker firemen fireplace fireproof fireside firewood firework " +
  "firmness firmware firsthand fiscal fisherman fishermen fishery fishier fishiest fishy fission fissure fist " +
  "fitful fitness fittest fiver fixable fixation fixture fizz fizzy flabbier flabbiest flabby flagpole flagship " +
  "flagstone flail flair flak flakier flakiest flaky flamboyance flamboyant flamingo flammable flank flannel flap " +
  "flapjack flashback flasher flashest flashier flashiest flashlight flashy flask flatness flatterer flattery " +
  "flaunt flautist flaw flawless flea fleck fledged fledgeling fledgling fleece fleecier fleeciest fleecy fleet " +
  "fleeter fleetest fleshier fleshiest fleshy flex flexibility flexible flick flicker flied flier fliest flight " +
  "flightier flightiest flightless flighty flimsier flimsiest flimsiness flimsy flinch flint flippant flipper " +
  "flippest flirtation flirtatious flit flog flooder floodlight floor flop floppier floppiest floppy florae " +
  "floral florid florist flotilla flounce flounder flourish flout flowerier floweriest flu fluctuate fluctuation " +
  "flue fluency fluent fluff fluffier fluffiest fluffy fluke flunk flunkey flunkie flunky flurry flush flusher " +
  "flushest flutter flux flyer flyover foal foam focal foci fodder foetal foetid foetus fogey foggier foggiest " +
  "foggy foghorn fogy foible foist folder foliage folk folklore folksier folksiest follower foment fondle " +
  "fondness font foodstuff foolhardier foolhardiest foolhardy foolish foolishness foolproof footage football " +
  "foothill foothold footlights footnote footpath footprint footstep footstool footwear footwork fora forage " +
  "foray forbad forbear forbearance forbore forborne forceful forceps forcible fore forearm forefather forefinger " +
  "forefront foregone foreground forehead foreigner foreleg foremen foremost forensic foreplay foreseen foresight " +
  "foreskin forest forestall forestry foreswear foreswore foresworn foretaste foretell forethought foretold " +
  "foreword forger forgery forgetful forgetfulness forgo forgone forlorn formalise formality formation formative " +
  "formidable formless formulate formulation fornication forswear forswore forsworn fort forte forth forthright " +
  "forthwith fortification fortify fortitude fortress fortuitous fortune forum forwarder forwardest forwent " +
  "fossil fossilise foundation founder foundling foundry fount fountain fox foxier foxiest foxy foyer fracas " +
  "fractal fraction fractional fragility fragmentary fragmentation fragrance frailty framework frankfurter " +
  "frantic frantically fraternal fraternise fraternity fraud fraudulent fraught fray freak freckle freedom " +
  "freehand freelance freeway freezer freight freighter frenzy frequency frequent frequenter frequentest freshman " +
  "freshmen freshness freshwater fret fretful friar friction friendliness friendship frieze fright frightful " +
  "frigid frigidity frill frillier frilliest frisk friskier friskiest frisky fritter frivolity frivolous frizzier " +
  "frizziest frizzy fro frock frog frolicked frolicking frond front frontage frontal frostbit frostbite " +
  "frostbitten frostier frostiest frosty froth frothier frothiest frothy frugality fruit fruitful fruition " +
  "fruitless frustration fudge fulcra fulcrum fulfilment fullness fulness fumble fume fumigate fumigation " +
  "functional functionality fundamental fundamentalism fundamentalist fungicide funnel funner funnest funnily fur " +
  "furious furl furlong furlough furnace furore furrow furtive furtiveness fury fuse fuselage fusion fussier " +
  "fussiest fussy futile futility futuristic fuzzier fuzziest fuzzy gab gable gadget gaiety gaily gainful gait " +
  "gala galactic galaxy gall gallant gallantry gallery galley gallivant gallop gallows galore galvanise gambit " +
  "gamble gamer gamest gamma gamut gander gangling gangplank gangrene gangster gangway gaol gaoler gap gape " +
  "garage garb garbage garble gardenia gargle gargoyle garish garment garret garrison garrulous garter gaseous " +
  "gash gasket gasolene gasoline gasp gastric gateway gauge gaunt gaunter gauntest gauntlet gauze gavel gawk " +
  "gawkier gawkiest gawky gayer gayety gazelle gazette geed gel gelatine geld gelt gem gender genealogical " +
  "genealogy generalisation generalise generality generation generator generic generosity generous genetic " +
  "genetically geneticist genial genie genii genital genocide genre gent gentile gentility gentlemen gentleness " +
  "gentry genuineness geographic geographical geography geological geologist geology geometric geometry geranium " +
  "gerbil germ germicide germinate germination gestation gesticulate gesture getaway geyser ghetto ghoul gibber " +
  "gibberish gibe giddiness gig gigantic gild gilt gimme gimmick gin ginger gingerbread gingham giraffe girder " +
  "girdle girlhood girlish girth gist gizzard glacial gladden gladdest glade glamorise glamorous glamour " +
  "glamourize glamourous glance gland glandular glass glassier glassiest glassware glassy glaze glee glibbest " +
  "glider glimmer glimpse glint glisten glitter gloat globe globular globule gloom glorification glorify glorious " +
  "glory glossary glossier glossiest glossy glove glower glucose glum glummer glummest glut glutton gluttony " +
  "glycerine gnarl gnash gnat gnaw gnawn gnome gnu goad goal goat goatee gob gobble goblet goblin godchild " +
  "godchildren godfather godless godlier godliest godlike godmother godparent godsend goggle goldener goldenest " +
  "goldfish goldsmith gondola goner gong goo goodie goodness goodnight goodwill goody gooey gooier gooiest goon " +
  "gopher gorge gorgeous gorier goriest gorilla gory gosling gospel gossamer gouge goulash gourd gourmet gout " +
  "governess government governmental governor gown grabber graceful graceless gracious graciousness gradation " +
  "grader gradient gradual graduation graffiti graffito graft grain grammar grammatical gramme gramophone " +
  "grandchildren grandeur grandiose grandstand grannie granola granular granule grape grapefruit grapevine graph " +
  "graphical graphite grasshopper grassier grassiest grassy grateful grater gratification gratitude gratuitous " +
  "gratuity gravel graven graver gravest gravestone graveyard gravitate gravitation gravitational gravity gravy " +
  "grease greasier greasiest greatness greedily greediness greenback greenery greenhorn greenhouse gregarious " +
  "gremlin grenade greyer greyhound griddle gridiron grief grievance grievous grille grimace grime grimier " +
  "grimiest grimmest grimy grin grinder grindstone gripe gristle grit grittier grittiest gritty grizzlier " +
  "grizzliest grizzly groan grocer grocery groggier groggiest groggy groin groove grope grotesque grotto grouch " +
  "grouchier grouchiest grouchy groundless groundwork group grouper grouse grove grovel grower growl groyne grub " +
  "grubbier grubbiest grubby grudge gruff gruffer gruffest grumpier grumpiest grumpy grunt guarantor guardian " +
  "gubernatorial guerilla guerrilla guessable guesswork guffaw guidance guidebook guideline guild guile " +
  "guillotine guilt guiltier guiltiest guiltily guiltless guise guitar guitarist gulch gulf gull gullet gulley " +
  "gullible gumdrop gummier gummiest gummy gumption gunfire gunman gunmen gunner gunpowder gunshot guppy gurgle " +
  "gush gusher gust gustier gustiest gusty gut gutter guzzle gybe gym gymnasia gymnasium gymnast gynaecologist " +
  "gynaecology gyrate gyration gyroscope habit habitable habitat habitation habitual hacker hackney hacksaw " +
  "haddock haemoglobin haemophilia haemorrhage hag haggard haggle hah hail hailstone haircut hairdo hairier " +
  "hairiest hairline hale haler halest halfway hallmark hallucination hallway halon halt halter halve hamburger " +
  "hamlet hammock hamster hamstring hamstrung handbag handbook handcuff handedness handicap handicraft handier " +
  "handiest handiwork handkerchief handkerchieves handlebar handler handmade handout handrail handsful handshake " +
  "handwriting hangar hanger hangout hangover haphazard hapless happily harassment hardback harden hardline " +
  "hardliner hardship hardware hardwood hare harebrained harem hark harlot harmful harmless harmonic harmonica " +
  "harmonious harmonise harp harpist harpoon harpsichord harshness harvester hassle hastier hastiest hastily " +
  "hasty hat hatchet hateful hatred haughtier haughtiest haughtily haughtiness haughty haul havoc hawk hay " +
  "haystack haywire hazard hazardous hazier haziest hazy headache header headfirst headland headlight headline " +
  "headlong headmaster headquarter headrest headroom headstone headstrong headway healer health healthcare " +
  "healthful healthier healthiest healthy heap hearsay hearse heart heartache heartbeat heartbreak heartbroken " +
  "heartburn hearten heartfelt hearth heartily heartless heater heathen heave heavily heaviness heavyweight " +
  "heckle heckler hectic hedgehog heed heedless heel heifer height heinous heirloom helicopter heliport helium " +
  "hell hellish helm helmet helper helpful helpless hem hemisphere hemlock hemp hen henceforth henchman henchmen " +
  "hepatitis herald herbivorous herd hereabouts hereafter hereby hereditary heredity herein heresy heretic " +
  "heretical herewith heritage hermaphrodite hernia herniae heroic heroin heroism heron herpes hes hesitancy " +
  "hesitate hesitation heterogeneous heterosexual heterosexuality heuristic hew hewn hexadecimal hexagon " +
  "hexagonal heyday hiatus hibernate hibernation hiccup hick hickory hideaway hideous hierarchical hierarchy " +
  "hieroglyphic highbrow highjack highway hiker hilarious hilarity hillbilly hillside hilt hind hindrance " +
  "hindsight hinge hinterland hip hipper hippest hippie hippy histogram historic historical hitch hitchhike " +
  "hitchhiker hither hitherto hive hoard hoarder hoarse hoarseness hoarser hoarsest hoax hobbit hobble hobbyhorse " +
  "hobgoblin hobnob hock hodgepodge hoe hoed hog holder holdup holiday holier holiest holiness holler holocaust " +
  "holster homage homeland homemade homesickness homespun homestead homeward homey homicidal homicide homie " +
  "homier homiest homogeneous homogenise homonym homophobic homosexual homosexuality homy honester honestest " +
  "honeycomb honeymoon honeysuckle honied honk honourable hood hoodlum hoodwink hoof hoop hoot hooter hooves " +
  "hopeful hopeless hopper hopscotch horde horizon horizontal horn hornet hornier horniest horny horoscope " +
  "horrendous horrible horrid horrific horror horseback horseman horseplay horsepower horseshoe horticultural " +
  "horticulture hose hosiery hospitable hospitalisation hospitalise hostel hostility hotel hothead hound " +
  "hourglass houseboat household housewarming housewife housewives housework hove hovel hover hub hubbub huddle " +
  "hue hued huff huffier huffiest huffy hulk hull hullabaloo hum humaner humanest humanise humanism humanist " +
  "humanity humbug humidify humidity humiliation humility hummingbird humorist humorous humour hump hunch " +
  "hunchback hungrily hunk hurdle hurl hurricane hurtful hurtle huskier huskiest huskily huskiness husky hustle " +
  "hustler hut hutch hyaena hybrid hydrant hydraulic hydroelectric hydrogen hydroplane hyena hygiene hygienic " +
  "hymn hymnal hyperbole hypertension hyphen hyphenate hyphenation hypnosis hypnotic hypnotise hypnotism " +
  "hypnotist hypochondria hypochondriac hypocrisy hypocrite hypocritical hypotenuse hypotheses hypothesis " +
  "hypothesise hypothetical hysteria hysteric hysterical iceberg icebreaker iced icicle idea idealise idealist " +
  "idealistic identical identifiable identification identifier identify identity ideological ideology idiocy " +
  "idiom idiomatic idiosyncrasy idiosyncratic idiot idiotic idly idolise idyllic ifs igloo ignite ignition iguana " +
  "iii ikon ilk illegible illiteracy illness illogical illumination illusion illusory illustration illustrative " +
  "illustrious image imagery imaginable imaginary imagination imaginative imbalance imbecile imbed imitate " +
  "imitation imitative imitator immaculate immaterial immaturity immeasurable immensity immersion immigrate " +
  "immigration immobile immobilise immoral immorality immortal immortality immovable immune immunisation immunise " +
  "immunity imp impair impairment impartial impartiality impassable impasse impassioned impassive impatient " +
  "impeach impeccable impedance impede impediment impel impend impenetrable imperative imperceptible imperfection " +
  "imperial imperialism imperialist impersonal impersonate impersonation impertinence impertinent impervious " +
  "impetuous impetus impish implacable implant implausible implementable implementation implementer implicate " +
  "implication implore importation imposition impossibility impossible imposter impostor impotence impotent " +
  "impound impractical imprecise impregnable impregnate impression impressionable impressive imprint imprisonment " +
  "improbability improbable impromptu impropriety improvement improvisation improvise impudence impudent impulse " +
  "impulsive impunity impure impurer impurest impurity inability inaccessible inaccuracy inaction inactive " +
  "inactivity inadequacy inadmissible inadvertent inadvisable inalienable inaner inanest inanimate inapplicable " +
  "inarticulate inaudible inaugural inaugurate inauguration inauspicious inborn inbuilt incalculable " +
  "incandescence incandescent incantation incapable incapacitate incapacity incarcerate incarceration incarnate " +
  "incarnation incendiary incense inception incessant incest incestuous incidence incidental incinerate " +
  "incinerator incision incisive incisor incitement inclination inclosure inclusion inclusive incognito " +
  "incoherence incoherent income incomparable incompatibility incompatible incompetence incompetent " +
  "incomprehensible inconceivable inconclusive incongruity incongruous inconsequential inconsiderable " +
  "inconsistency inconsistent inconsolable inconspicuous inconvenient incorporation incorrigible incredible " +
  "incredulity incredulous increment incremental incriminate incubate incubation incubator incur incurable " +
  "indecency indecent indecision indecisive indefensible indefinable indelible indelicate indent indentation " +
  "independence indescribable indestructible indication indicative indicator indict indictment indifference " +
  "indifferent indigenous indigestible indigestion indignant indignation indignity indigo indirection indiscreet " +
  "indiscretion indiscriminate indispensable indisposed indisputable indistinct indistinguishable individualism " +
  "individualist individuality indivisible indoctrinate indoctrination indolence indolent indomitable indorse " +
  "indorsement induce inducement induct induction indulgence industrial industrialisation industrialise " +
  "industrialist industrious industry inedible ineffective ineffectual inefficiency inefficient inelegant " +
  "ineligible ineptitude inequality inertia inertial inescapable inevitable inexact inexcusable inexhaustible " +
  "inexorable inexpensive inexperience inexplicable inextricably infallible infamous infamy infancy infantile " +
  "infantry infatuation infeasible infection infectious infelicity infer inference inferiority inferno infertile " +
  "infestation infidel infidelity infield infiltrate infiltration infinitesimal infinitive infinity infirm " +
  "infirmary infirmity infix inflame inflammable inflammation inflammatory inflatable inflation inflationary " +
  "inflection inflexible inflexion inflict influential influenza influx info informal informality informant " +
  "informational informative informer infraction infrastructure infrequent infringe infringement infusion " +
  "ingenious ingenuity ingrain ingratiate ingratitude ingredient inhaler inherent inherit inheritance inhibition " +
  "inhospitable inhuman inhumane inhumanity initial initialisation initialise initiation initiator inject " +
  "injection injunction injurious injury injustice inkier inkiest inkling inky inlaid inland inlay inlet inmate " +
  "inn innards innermost innkeeper innocence innocuous innovation innovative innuendo innumerable inoculate " +
  "inoculation inoffensive inoperative inopportune input inquest inquiry inquisition inquisitive ins insaner " +
  "insanest insanity insatiable inscribe inscription inscrutable insecticide insecurity insensitive insensitivity " +
  "inseparable insertion insider insidious insight insigne insignia insignificance insincere insincerity " +
  "insinuate insinuation insipid insistence insistent insofar insolence insolent insolvency insomnia inspection " +
  "inspiration instability instal installation instalment instance instantaneous instep instigate instigation " +
  "instill instinct instinctive institution institutional institutionalise instruction instructive instrument " +
  "instrumental insubordination insubstantial insufferable insufficient insular insulate insulation insulator " +
  "insulin insurance insurer insurgent insurmountable insurrection intake intangible integer integral integration " +
  "integrity intellectual intelligence intelligent intelligible intenser intensest intensity intensive intention " +
  "intentional inter interaction interactive intercede intercept interception interchange interchangeable " +
  "intercom interconnect intercontinental intercourse interdependence interfere interference interior interject " +
  "interjection interlock interloper interlude intermarriage intermarry intermediary interment interminable " +
  "intermingle intermission intermittent internal international interne interplanetary interplay interpolation " +
  "interpose interpretation interpreter interracial interrogate interrogation interrogator interruption intersect " +
  "intersection intersperse interstellar intertwine interval intervene intervention interviewer interweave " +
  "interwove interwoven intestinal intestine intimacy intimation intimidation intolerable intolerance intolerant " +
  "intonation intoxication intractable intramural intransitive intravenous intrench intrepid intricacy intricate " +
  "intrinsic intrinsically introduction introductory introspective introvert intruder intrusion intrusive intrust " +
  "intuition intuitive inundation invader invalid invalidate invariable invariant invasion invective invention " +
  "inventive inverse inversion investigate investigation investment investor inveterate invincible invisibility " +
  "invisible invitation invocation involuntarily involuntary involvement invulnerable inward iodine ion iota " +
  "irascible ire iridescence iridescent iris ironic ironically irony irradiate irrational irreconcilable " +
  "irrefutable irregular irregularity irrelevance irreparable irreplaceable irrepressible irreproachable " +
  "irresistible irrespective irresponsibility irresponsible irretrievable irreverence irreverent irreversible " +
  "irrevocable irrigate irrigation irritability irritable irritant irritation island islander isle isolation " +
  "isthmi isthmus italic italicise itch itchier itchiest itchy item itemise iterate iteration iterative itinerant " +
  "itinerary ivies ivory ivy jab jabber jackal jackass jackdaw jacket jackknife jackknives jackpot jaggeder " +
  "jaggedest jaguar jail jailer jalopy jamb jamboree jangle janitor jar jargon jaundice jaunt jauntier jauntiest " +
  "jauntily jaunty javelin jaw jawbone jaywalk jaywalker jealous jealousy jeer jell jeopardise jeopardy jerk " +
  "jerkier jerkiest jerky jest jet jettison jetty jeweller jewellery jibe jiffy jig jiggle jigsaw jigsawn jilt " +
  "jingle jinx jitterier jitteriest jitters job jockey jocular joint joker jolt jostle journalism journey jovial " +
  "joyful joyfuller joyfullest joyous joystick jubilant jubilation jubilee judgement judgment judicial judiciary " +
  "judicious judo jug juggernaut jugular jumble jumbo jumper jumpier jumpiest jumpy junction juncture jungle " +
  "juniper junk junket junkie junky junta jurisdiction juror jury juster justest justifiable justification jut " +
  "jute juxtapose juxtaposition kaleidoscope kangaroo karat kayak keeper keepsake keg kelp kennel kerb kerchief " +
  "kerchieves kernel kerosene kerosine ketchup kettle keyboard keyhole keystone keystroke keyword khaki kickback " +
  "kickoff kidnapper kidney killer kiln kilogramme kilometre kilowatt kilt kimono kindle kindlier kindliest " +
  "kindness kindred kinfolk kingdom kingfisher kink kinkier kinkiest kinky kinship kiosk kipper kit kitchen " +
  "kitchenette kite kiwi knack knacker knapsack knee kneecap knife knight knighthood knives knob knocker knockout " +
  "knoll knottier knottiest knotty knowledgeable knuckle koala kosher kowtow kudos lab laborious labourer " +
  "labyrinth lacerate laceration lacier laciest lacklustre lacquer lacrosse ladder lade laden ladle ladybug " +
  "ladylike lager laggard lagoon lain lair lake lamb lambda lament lamentable lamentation lamp lampoon lander " +
  "landlady landlocked landmark landowner landscape landslid landslidden landslide language languor languorous " +
  "lankier lankiest lanky lantern lapel lapse larceny lard lark larynges laryngitis larynx lascivious laser " +
  "latent lateral latex lath lathe lather latitude latrine lattice laud laudable laughable laughingstock launcher " +
  "laundry lava lavatory lavender lavish lavisher lavishest law lawful lawless lawmaker lawn lawsuit laxative " +
  "laxer laxest laxity laymen layout lazier laziest laziness lazy leaden leadership leafier leafiest leaflet " +
  "leafy league leakage leaky leapfrog learnt leash leathery lectern lecturer ledge ledger leek leer leeway " +
  "lefter leftest leftmost leg legacy legalise legalistic legality legibility legible legion legislate " +
  "legislation legislative legislator legislature legitimacy legume lemme lemon lemonade length lengthier " +
  "lengthiest lengthwise lengthy leniency lenient lentil leopard leotard leper leprosy lept lesbian lesion " +
  "letdown lethargic lethargy letter letterhead lettuce letup leukaemia levee lever leverage levity lexica " +
  "lexical lexicon liability liable liaison liar libel libellous liberalisation liberalise liberalism liberate " +
  "liberation libertarian liberty librarian library licence lichen licorices lid lieu life lifeboat lifeforms " +
  "lifeguard lifeless lifelike lifeline lifelong lifespan lifestyle lifetime ligament ligature lighter lightest " +
  "lighthouse lightness lii likable likeable likelihood liken likeness liker likest lilac lilt limb limber limbo " +
  "limelight limerick limestone limitation limitless limousine linchpin lineage linear linefeed liner lingerie " +
  "lingo linguist linguistic liniment linkage linker linoleum lint lion lioness lip lipstick liqueur liquidation " +
  "liquify liquor liquorice lisp listener listless litany literacy literal lithe lither lithest lithium " +
  "litigation litter litterbug liturgical liturgy liveable livelihood liveliness livestock livid lix lizard llama " +
  "loadable loader loafer loam loath loathe loathsome lob lobbyist lobe lobotomy lobster local locale localise " +
  "locality locate location locker locket locksmith locomotion locomotive locust lodger loft loftiness logarithm " +
  "logarithmic logger logical logician logo loin loincloth loiter loiterer loll lollipop lollypop lone loneliness " +
  "lonesome longevity longhand longish longitude longitudinal longshoreman longshoremen lookout loom loon looney " +
  "looneyier looneyies loonie loonier looniest loony loop loophole lop lope lopsided lore lorry loss lot loth " +
  "lotion lottery lotus loudness loudspeaker lounge louse lovable loveable loveliness lowdown loyaller loyallest " +
  "loyalty lozenge lubricant lubricate lubrication lucid luckily lucrative ludicrous lug lukewarm lull lullaby " +
  "lumber lumberjack luminary luminous lumpier lumpiest lumpy lunacy lunar luncheon lunchtime lung lunge lupin " +
  "lupine lurch lure lurid luscious lusher lushest lustier lustiest lustre lustrous lusty lute luxuriant " +
  "luxuriate luxurious luxury lvi lvii lxi lxii lxiv lxix lxvi lxvii lye lymph lymphatic lynchpin lyre lyric " +
  "lyrical macaroni mace machete machine machinist macintosh mackerel macroscopic madam madame madcap maddest " +
  "madhouse madman madmen madness maelstrom magazine maggot magical magnanimity magnanimous magnesium magnet " +
  "magnetic magnetise magnetism magnificence magnificent magnify magnitude magnolia magnum magpie mahogany maid " +
  "maiden mailbox mailman mailmen mainframe mainland mainline mainstay maintainability maintainable maintainer " +
  "maintenance maize majestic majestically majority makeup maladjusted malady malaria malevolence malevolent " +
  "malformed malfunction malice malicious malign malignancy malignant mall mallard malleable mallet malnutrition " +
  "malpractice malt maltreat mama mamma manacle manageable management managerial mandatory mandolin mane mange " +
  "manger mangier mangiest mangle mango mangrove mangy manhandle manhole manhood mania maniacal manic manicure " +
  "manicurist manifestation manifesto manifold manipulate manipulation mankind manlier manliest manliness " +
  "mannequin mannerism mannish manor manpower mansion manslaughter mantel mantelpiece mantle mantlepiece manual " +
  "manufacturer manure manuscript maple mapper marathon marble march marcher mare margarine margin marginal " +
  "marigold marihuana marijuana marinate mariner marionette marital marker marketable marketplace marksman " +
  "marksmen marmalade maroon marquee marriage marrow marsh marshier marshiest marshmallow marshy mart martial " +
  "martyrdom marvel marvellous mas mascara mascot masochist masonry masquerade massacre massage massive mast " +
  "masterful mastermind masterpiece mastery masticate masturbation matador matchbook matchless matchmaker " +
  "materialise materialism materialist materialistic maternal maternity mathematical mathematician maths " +
  "matriarchal matriculate matriculation matrimonial matrimony matron matte mattress maturity maudlin maul " +
  "mausolea mausoleum mauve maxim maxima maximal maximise maximum mayhem mayonnaise maze meadow meagre meal " +
  "mealier mealiest mealy meaningful meaningless meantime measurable measurement mechanical mechanise mechanism " +
  "medallion meddle meddler meddlesome mediaeval mediate mediation mediator medical medicate medication medicinal " +
  "medicine medieval mediocrity meditation medley meekness megalomaniac megaphone megaton melodic melodious " +
  "melodrama melodramatic melon member membership membrane memento memo memoir memorable memorial memorise memory " +
  "menace menagerie menial menopause menstrual menstruate menstruation mental mentality menthol meow mercantile " +
  "mercenary merchandize merciful merciless mercury mercy merest merger meridian meringue mermaid merrier " +
  "merriest merrily merriment mes mesdames mesh messenger messiest messy metabolic metabolism metallic " +
  "metamorphose metamorphosis metaphor metaphorical metaphysical metaphysics mete meteor meteoric meteorite " +
  "meteorologist meteorology method methodical methodology meticulous metre metro metropolis mettle mew mezzanine " +
  "miaow microbe microbiology microcode microcomputer microfiche microfilm micrometer micrometre microorganism " +
  "microphone microprocessor microscope microscopic microwave midday middle middleman middlemen midget midnight " +
  "midriff midst midstream midsummer midway midwife midwived midwives midwiving mien mightier mightiest mighty " +
  "migraine migrant migrate migration migratory mildew mileage milestone militancy militant militarily militate " +
  "militia milker milkier milkiest milkman milkmen milky mill milligramme millimetre milliner millinery " +
  "millionaire mimicry mincemeat mindbogglingly mindedness mindful mindless minefield miner minibus minicomputer " +
  "minimal minimalism minimalist minimise minimum miniscule ministerial ministry mink minnow minority minstrel " +
  "mint minuet minuscule minuter minutest miracle miraculous mirage mire mirth misadventure misapprehension " +
  "misappropriate misappropriation misbehave misbehaviour miscarriage miscarry miscellaneous miscellany " +
  "mischievous misconception misconduct misconstrue misdeed misdemeanour misdirect misdirection miser miserable " +
  "misery misfortune misgiving misguide mishap misinform misinformation misinterpret misinterpretation misjudge " +
  "mislaid mislay mislead misled mismanagement mismatch misnomer misplace misprint misquote misread misrepresent " +
  "misrepresentation misshapen missile mission missionary misspell misspelt mist mistaken mistletoe mistress " +
  "mistrust mistype misunderstand misunderstood misuse mite mitt mixer mixture mnemonic moan moat mob " +
  "mobilisation mobilise mobility moccasin mockery mockingbird mod modal mode moderation modernisation modernise " +
  "modernity modesty modicum modification modifier modular modulate modulation module mohair moisten moisture " +
  "molar molasses mole molecular molecule mollify mollusc molten moment momentarily momentary momentous momentum " +
  "momma monarchy monastery monastic monetarism monetary mongoose mongrel monies monogamous monogram monolithic " +
  "monologue monopolise monorail monosyllable monotonically monotonous monotony monsoon monster monstrosity " +
  "monstrous monument monumental moo mood moodily moon moonbeam moonlight moor mope morale moralist morality " +
  "morass moratoria moratorium morgue morn moron moronic morose morphine morphology morsel mortality mortar " +
  "mortgage mortification mortify mortuary mosaic mossier mossiest mossy motel moth mothball motherhood motif " +
  "motionless motivation motley motlier motliest motor motorbike motorcade motorcycle motorise motorist motorway " +
  "motto mouldier mouldiest mouldy moult mound mountain mountaineer mountainous mourner mournful mousey mousier " +
  "mousiest mousse moustache mousy mouthful mouthpiece movable moveable movement mover mower mown muck mucous " +
  "mucus mud muddier muddiest muff muffin muffle muffler mug mugger muggier muggiest mugginess muggy mulch mule " +
  "multi multinational multiplication multiplicative multiplicity multiprocessing multitasking multitude mummify " +
  "munch municipal municipality murderer murderous murkier murkiest murky murmur muscle muscular muse museum mush " +
  "mushier mushiest mushroom mushy musical musk musket muss mussel mustang mustard muster mustier mustiest musty " +
  "mutant mutate mutation mutilate mutilation mutinous mutiny mutt mutter mutton mutual muzzle myopic myriad " +
  "mysterious mystery mystical mysticism myth mythical mythological mythology nab naivety nakedness nameless " +
  "namesake nap napalm nape napkin nappy narrate narration narrowness nasal nastier nastiest nastily nastiness " +
  "nasty nation national nationalise nationalism nationalist nationalistic nationality nationwide nativity " +
  "nattier nattiest natty natural naturalisation naturalise naturalist naturalness nature naughtier naughtiest " +
  "naughtily naughtiness naughty nausea nauseate nauseous nautical navel navigable navigation navigator navy " +
  "nearsighted nearsightedness neatest neatness nebulous necessarily necessitate necessity neck neckerchief " +
  "neckerchieves necklace neckline necktie necrophilia nectar nectarine needier neediest needle needlework needy " +
  "negate negation negative neglectful negligee negligence negligent negligible negotiable negotiation negotiator " +
  "neigh neighbour neighbourhood neighbourliness neon neophyte nepotism nerve nervous nervousness nest nether " +
  "nett nettle neural neurologist neurology neuron neurotic neuter neutral neutralise neutrality neutron newbie " +
  "newborn newcomer newfangled newsagents newscast newscaster newsier newsiest newsletter newspaper newsprint " +
  "newsstand newsy newt nibble nicety niche nickel nickname nicotine niftier niftiest nifty nigh night nightclub " +
  "nightfall nightgown nightingale nightmare nightmarish nighttime nil nincompoop ninny nip nippier nippiest " +
  "nipple nippy nit nitrogen nitwit nobility noblemen noblewomen nocturnal node noes noise noiseless noisily " +
  "noisiness nomadic nomenclature nominal nominate nomination nominative nominee nonchalance noncommittal " +
  "nonconformist none nonentity nonetheless nonfiction nonflammable nonpartisan nonresident nonsense nonsensical " +
  "nonstandard nontrivial nonviolence noodle nook noon noose normality northeasterly northeastern northerly " +
  "northward northwestern nose nosebleed nosey nostalgia nostalgic nostril notable notation notch notebook " +
  "noteworthy nothingness noticeable noticeboard notification notify notion notional notoriety notorious nougat " +
  "nought noun nourishment novelist novelty nowhere noxious nozzle nuance nuclear nuder nudest nudge nudity " +
  "nugget nuisance null nullify numbness numeral numerate numerator numeric numerical numerous nuptial nursemaid " +
  "nursery nut nutcracker nutmeg nutrient nutriment nutrition nutritional nutritious nutshell nuttier nuttiest " +
  "nutty nuzzle nylon nymph oaf oak oar oases oasis oath obedience obelisk obesity obfuscation obituary objection " +
  "objectionable objectivity objector obligate obligation obligatory oblige oblique obliterate obliteration " +
  "oblivion oblivious oblong obnoxious oboe obscener obscenest obscenity obscurity observable observance " +
  "observation observatory observer obsession obsessive obsolescence obsolescent obstacle obstetrician obstinacy " +
  "obstinate obstruct obstruction obstructive obtainable obtrusive obtuse obtuser obtusest obvious occasion " +
  "occasional occupancy occupation occupational occurrence oceanic oceanography octagon octagonal octal octave " +
  "ocular oddity ode odious odometer odour oesophagi oesophagus offence offender offensiveness office officiate " +
  "officious offload offshoot offshore offstage oftener oftenest ogle ogre ohm ohs ointment okra olden olfactory " +
  "omega omelette omen ominous omission omnibus omnipotence omnipotent omnipresent omniscient oncoming onerous " +
  "onion onlooker onomatopoeia onrush onset onslaught onus onward oodles opal opaque opaquer opaquest openness " +
  "operand operatic operation operational operative ophthalmologist ophthalmology opinion opinionated opium " +
  "opossum opponent opportune opportunist opportunity opposition oppression oppressive oppressor optic optical " +
  "optician optima optimal optimisation optimise optimism optimistic optimum option optional opulent oral " +
  "orangutan orangutang oration orator oratory orbital orchard orchestra orchestral orchestrate orchestration " +
  "orchid ordain ordinance ordinarily ordinary ordination ore organ organisation organisational organiser " +
  "organism organist orgasm orgy oriental orientate orientation orifice origin original originality originate " +
  "ornament ornamental ornate ornithologist ornithology orphanage orthodontist orthodox orthogonal orthogonality " +
  "orthography orthopaedics oscillate oscillation oscilloscope osmosis ostensible ostentation ostentatious " +
  "ostracise ostrich otter oust ouster outbound outbreak outburst outclass outcome outcry outdated outdid " +
  "outdistance outdo outermost outfield outfit outgrowth outhouse outlaid outlandish outlast outlay outlet " +
  "outlive outlook outmoded outpatient outpost output outrage outrageous outran outrun outset outshine outshone " +
  "outsider outskirt outsmart outstation outstrip outstript outward outweigh outwit ovary ovation overate " +
  "overbear overblown overbore overborne overburden overcast overcharge overcoat overcrowd overdid overdo " +
  "overdose overdraft overdraw overdrawn overdrew overeat overeaten overestimate overflow overgrew overgrow " +
  "overgrown overhang overhaul overhear overheard overheat overhung overkill overlaid overlain overland overlay " +
  "overlie overload overlong overpopulation overprice overprint overran overrate overreact overridden overrule " +
  "overrun oversampling overseer overshoot overshot oversight oversimplification oversleep overslept overstate " +
  "overstep overtake overthrew overthrow overtone overtook overture overwork overwrite overwritten overwrought " +
  "owl ownership oxidation oxide oxidise oyster ozone pace pacemaker pacific pacifier pacifism pacifist pacify " +
  "packer packet pact pad paddle paddock padlock paediatrician paediatrics pagan pageant pageantry pager " +
  "pagination pagoda pail pain painful painfuller painfullest painless painstaking palace palaeontologist " +
  "palaeontology palatable palate palatial palette pall pallbearer pallid pallor palm palomino palpable paltrier " +
  "paltriest paltry pamphlet panacea pancake pancreas pancreatic panda pandemonium pander pane panel pang " +
  "panhandle panhandler panicky panorama panoramic pansy pant panther pantie pantomime pantry panty pap papa " +
  "papacy papal papaya paper paperback paperweight paperwork paprika papyri papyrus par parable parachute parade " +
  "paradigm paradox paradoxical paraffin paragon paragraph parakeet paralysis paralytic parameter paramount " +
  "paranoia paraphernalia paraphrase paraplegic parasite parasitic parasol paratrooper parcel parch parchment " +
  "pardon pardonable pare parentage parenthetical parenthood parishioner parity parka parkway parliament " +
  "parliamentary parlour parochial parody parole parrakeet parrot parse parsec parser parsley parsnip parson " +
  "parsonage partake partaken partial partiality participant participation participle particle particular " +
  "partition partizan partnership partook partridge pas passable passage passageway passbook passenger passer " +
  "passion passive passport password pasta pastel pasteurisation pasteurise pastiche pastier pastiest pastime " +
  "pastoral pastry pasture pasty patchwork patchy paternal paternalism paternity path pathetic pathetically " +
  "pathological pathologist pathology pathos pathway patienter patientest patio patriarchal patrimony patriotic " +
  "patriotism patronage patronise patter pattern paucity paunch paunchier paunchiest paunchy pauper pavement " +
  "pavilion paw pawnbroker payable payer payload payment payoff payroll pea peaceable peaceful peacemaker peach " +
  "peacock peal pear peasant pease peat pebble pecan peck peculiar peculiarity pedagogy pedant pedantic pedantry " +
  "peddle pedestrian pedigree pedlar peek peep peerless peeve peevish pelican pellet pelt pelves pelvis penal " +
  "penalise penalty penance penchant pendant pendulum penetrate penetration penguin penicillin peninsula penis " +
  "penitence penitent penitentiary penknife penknives penmanship pennant penniless pension pensioner pensive " +
  "pentagon pentagonal penthouse penultimate peon peony pep pepper peppermint perceptible perception perceptive " +
  "perch perchance percolate percolation percolator percussion peremptory perennial perfection perfectionist " +
  "perforate perforation performance perfunctorily perfunctory peril perilous perimeter period periodic " +
  "peripheral periphery periscope perishable perjure perjury perk perkier perkiest perky permanence permissible " +
  "permission permissive permutation pernicious peroxide perpendicular perpetrate perpetrator perpetual " +
  "perpetuate perplexity persecute persecution persecutor perseverance persistence persistent persona personable " +
  "personal personalise personality personification personify personnel perspiration perspire persuasion " +
  "persuasive pertain perter pertest perturb perusal peruse pervasive perversion pervert peskier peskiest pesky " +
  "pessimism pessimistic pest pester pesticide pestilence petrify petroleum petticoat pettier pettiest pettiness " +
  "petty petulant petunia pew pewter phantasy pharmaceutical pharmacy pheasant phenomenal philanthropic " +
  "philanthropist philanthropy philosophical philosophise philosophy phlegm phlegmatic phobia phonetic phoney " +
  "phonics phonograph phosphor phosphorescence phosphorescent phosphorus photo photocopy photogenic photographic " +
  "photography photon photosynthesis phototypesetter phraseology physic physical physicist physiological " +
  "physiology physique pianist piano piccolo pickaback pickax pickaxe picket pickier pickiest pickle pickpocket " +
  "pickup picky picnicked picnicking pictorial picture picturesque piddle piece piecemeal piecework piety pigeon " +
  "pigeonhole piggish piggyback pigheaded pigment pigpen pigtail pike pilfer pilgrimage pill pillage pillar " +
  "pillow pillowcase pimple pimplier pimpliest pinch pincushion pineapple pinion pinnacle pious pipeline pique " +
  "piracy piranha pirouette pis pistachio pistol piston pitch pitcher pitchfork piteous pitfall pithier pithiest " +
  "pithy pitiful pitiless pittance pivotal pixie pixy pizza placard placate placement placenta placentae placid " +
  "plagiarise plagiarism plagiarist plague plaice plaintiff plaintive planar plane planet planetaria planetarium " +
  "planetary plank plankton plantain plantation planter plasma plaster plateau plateaux platform platinum " +
  "platitude platoon platter plausibility plausible playable playback playful playfulness playground playhouse " +
  "playpen plaything plaza plea pleasantry pleasurable pleasure pleat pled pledge plentiful plethora pliable " +
  "pliant plied pliers plies plight plod plop plot plotter plough ploy pluck plucky plum plumage plumb plume " +
  "plumper plumpest plunder plunger plural plurality plush plusher plushest plutonium ply plywood pneumatic " +
  "pneumonia poacher pocket pocketbook pockmark pod podia podium poem poetic poetical poetry poignancy poignant " +
  "poinsettia pointer pointless poise poisonous poke poker pokey pokier pokiest poky polar polarisation polarise " +
  "polarity pole polemic policemen policewoman policewomen policy polio politeness political polka pollinate " +
  "pollination pollster pollutant pollution polo polygamous polygon polynomial polyp polytechnic pomegranate pomp " +
  "pompous poncho pond ponder ponderous pontoon pony poodle popcorn pope poplar populace popular popularise " +
  "popularity populate populous porcelain porch porcupine pornographic pornography porous porpoise port " +
  "portability portable portend portent porter portfolio porthole portico portion portlier portliest portrait " +
  "portrayal positional positive positivism possession possessive possessor possibility possible possum postage " +
  "postal postbox postcard postcode poster posterior posterity postgraduate posthumous postman postmark " +
  "postmaster postmen postpone postponement postscript postulate posture posy pot potassium potato potency potent " +
  "pothole potion pottery pouch poultry pounce pout poverty powder powdery powerful powerhouse powerless powwow " +
  "practicable practical practicality practise pragmatic pragmatism prairie praiseworthy pram prance prank prawn " +
  "prayer precarious precaution precautionary precedence precedent precinct precious precipice precipitate " +
  "precipitation precipitous preciser precisest precision precocious preconceive preconception precursor predator " +
  "predatory predecessor predefined predestination predicament predicate predictable predictor predisposition " +
  "predominance predominant predominate preeminence preeminent preempt preen prefab preface prefect preferable " +
  "preference preferential prefix pregnancy prehistoric prejudice prejudicial preliminary prelude premature " +
  "premeditation premiere premiss premonition prenatal preoccupation preparation preparatory prepay preponderance " +
  "prepositional preposterous prerequisite prescribe prescription presence presentable presentation preservation " +
  "preservative preside presidency presidential prestige prestigious presto presumably presume presumption " +
  "presumptuous presuppose pretence pretender pretension pretentious pretentiousness pretext prettier prettiest " +
  "pretty pretzel prevalence prevalent preventable preventible prevention preventive preview previewer previous " +
  "priceless prick prickle pried pries priesthood prim primaeval primal primarily primate primeval primitive " +
  "primmer primmest primp primrose principality principle printable printer printout priority prise prism prison " +
  "privacy privater privatest privation privatisation privatise privier priviest privilege privy prize " +
  "probabilistic probability probation problematic procedural procedure procession processional processor " +
  "proclamation procrastinate procrastination procurement prodigal prodigious product production productive " +
  "productivity profanity profession proffer proficiency proficient profit profitable profiteer profundity " +
  "profusion programmable progression progressive prohibition prohibitive projectile projection projector " +
  "proletarian proletariat proliferate proliferation prolific prologue prom promenade prominence promiscuity " +
  "promiscuous promontory promotion promptness promulgate prone prong pronoun pronouncement pronunciation proof " +
  "proofread propaganda propagate propagation propel propeller propensity properer properest property prophecy " +
  "prophesy prophetic proponent proportion proportional proportionality proposal proposition propositional " +
  "proprietary proprietor propriety propulsion prose prosecute prosecution prosecutor prospective prospectus " +
  "prosperity prosperous prostitution prostrate protagonist protection protective protector protein protestant " +
  "protestor protocol proton prototype protract protractor protrusion provable provenance proverb proverbial " +
  "providence provider province provincial provision provisional proviso provocation provocative prow prowess " +
  "prowl prowler proximity proxy prude prudent prudish pry psalm pseudo pseudonym psyche psychedelic psychiatric " +
  "psychiatrist psychiatry psychic psychoanalysis psychoanalyst psychological psychology psychopath psychoses " +
  "psychosis psychotherapy psychotic pub puberty publication publicise publicity publisher puck pucker puddle " +
  "pudgier pudgiest pudgy pueblo puff puffer puffier puffiest puffy pugnacious pulley pullover pulmonary pulp " +
  "pulpit pulsate pulsation pulse pulverise puma pumice pummel pumpernickel pumpkin pun punchline punctual " +
  "punctuality punctuate punctuation puncture pundit pungent punishable punishment punitive punker punkest punt " +
  "punter pup puppet purchaser puree purgatory purge purification purify puritanical purity purposeful purr purse " +
  "pursuit purveyor pus pusher pushier pushiest pushover pushy pussier pussiest putative putrid putt putter " +
  "pyjamas pyre python quadrangle quadrant quadratic quadrilateral quadruped quadruple quadruplet quagmire quail " +
  "quake qualification qualifier qualitative quality qualm quandary quantifier quantify quantitative quantity " +
  "quantum quarantine quark quarrel quarrelsome quarry quartet quartette quartz quaver quay queasier queasiest " +
  "queasy queenlier queenliest queer queerer queerest quell query quest questionable questionnaire queue quibble " +
  "quiche quicken quicksand quill quilt quinine quintessence quintet quintuplet quip quirk quirky quitter " +
  "quizzical quorum quota quotation rabbit rabble raccoon racer racetrack racial racier raciest racism racket " +
  "racketeer racoon racquet racy radar radial radiance radiant radiate radiation radiator radio radioactive " +
  "radioactivity radish radium raffle raft rafter rag ragamuffin ragtime raid raider rail railroad railway " +
  "rainbow raincoat raindrop rainfall rainforest rainstorm rainwater raisin ram rambler ramification ramp rampage " +
  "ramrod ramshackle ranch rancher rancid rancorous rancour randomness ranger ranker rankest rankle ransack " +
  "ransom rapidity rapist rapport rapt rapture rapturous rarity rascal rasher rashest rasp raspberry raster " +
  "ratification ratio ration rational rationale rationalisation rationalise rationality rattler rattlesnake ratty " +
  "raucous ravage ravel ravenous ravine rayon raze razor reaction reactionary reactive reactor readability " +
  "readable reader readership readily readiness readjust realisation realise realism realistic realistically " +
  "reality reallocate realm realty ream reaper reappear rearrange rearrangement reasonable reassurance rebellion " +
  "rebellious rebind rebirth reborn rebound rebuild rebuilt rebuke rebut recant recap recapture recede receipt " +
  "receiver recent recenter recentest receptacle reception receptive recess recession recharge rechargeable " +
  "recipe reciprocal reciprocate recitation recite reckless recklessness reclaim reclamation recline recognisable " +
  "recognise recoil recollect recollection recommendation recompense recompile reconciliation recondition " +
  "reconfigure reconnaissance reconnect reconsider reconstruct reconstruction recorder recount recourse recover " +
  "recoverable recovery recreate recreational recruitment recta rectal rectangle rectangular rectify rector " +
  "rectum recuperate recuperation recur recurrence recurrent recursion recursive redden redder reddest redeem " +
  "redeemable redefinition redemption redesign redhead redirect redirection rediscover redistribute " +
  "redistribution redone redraft redraw redress reduction redundancy reef reek reelect refer referee refill " +
  "refinement refinery reflect reflection reflective reflector reflex reflexive reformat reformation refraction " +
  "refrain refreshment refrigerate refrigeration refrigerator refuel refuge refurbishment refusal refutation " +
  "refute regain regal regale regalia regardless regatta regenerate regeneration regent regime regimen regiment " +
  "regimental region regional registrar registration registry regress regression regretful regrettable regular " +
  "regularity regulation regurgitate rehabilitate rehabilitation rehash rehearsal reimbursement reincarnate " +
  "reincarnation reindeer reinforcement reinstate reinstatement reiterate reiteration rejection rejoin rejoinder " +
  "rejuvenation relaid relapse relation relational relationship relativistic relativity relay releasable relegate " +
  "relentless relevance reliability reliable reliance reliant relic relief religion religious relocatable " +
  "relocate relocation reluctance remainder remarkable remedial remembrance remind reminder reminisce " +
  "reminiscence reminiscent remiss remission remit remittance remnant remodel remorse remorseful remorseless " +
  "removable removal remunerate remuneration renaissance rename rend rendition renegade renege renewable renewal " +
  "renovate renovation renown renunciation reopen reorganisation reorganise repaid reparation repatriate repay " +
  "repayment repeatable repellant repellent repent repentance repentant repercussion repertoire repetition " +
  "repetitious repetitive replacement replay replete replica replication repose repository reprehensible " +
  "representation repress repression repressive reprieve reprimand reprint reprisal reproach reproduce " +
  "reproduction reproductive reprogram reprogramme reprove reptile repudiate repudiation repugnance repugnant " +
  "repulse repulsion repulsive reputable reputation repute requiem requirement requisite requisition reread " +
  "reroute resale reschedule rescind rescue rescuer resemblance resentful resentment reservation reservoir reset " +
  "reshuffle reside residence residential residual residue resign resignation resilience resilient resin " +
  "resistance resistor resolution resolver resonance resound resource resourceful resourcefulness respectability " +
  "respectable respectful respective respiration respirator respiratory resplendent response responsibility " +
  "responsible responsive restaurant restful restfuller restfullest restitution restive restless restlessness " +
  "restoration restrain restraint restriction restrictive resubmit resultant resumption resurface resurgence " +
  "resurrect resurrection resuscitate resuscitation retail retailer retain retainer retaliate retaliation retard " +
  "retch retention rethink reticence reticent retina retinae retirement retort retrace retract retraction retreat " +
  "retribution retrieval retriever retroactive retrograde retrospect retrospective retry returnable retype " +
  "reunion reunite reuse revelation reveller revelry revenge revengeful revenue reverberate reverberation " +
  "reverence reverent reverie reversal reversible reversion revery reviewer revile revise revision revival revolt " +
  "revolution revolutionise revolver revue revulsion rewind rework rewrite rewrote rhapsody rhetorical rheumatism " +
  "rhino rhinoceri rhinoceros rhododendron rhubarb rhythm rhythmic rib ribbon richness ricketier ricketiest " +
  "rickety ricksha rickshaw ricochet riddance riddle rider ridge ridicule ridiculous rife rifer rifest rifle rift " +
  "rig righteous righteousness rightful rightmost rightness rigid rigidity rigorous rigour rile rim rind " +
  "ringleader ringlet ringworm rink rinse rioter riotous ripeness riposte ripple riser riskier riskiest risky " +
  "rivalry river roach road roadblock roadside robber robbery robe robot robuster robustest robustness rocker " +
  "rocket rockier rockiest rocky roe roguish role roller romance romantically romp rook roommate roost rooster " +
  "rooter rosary roster rostra rostrum rotary rotate rotation rote rotisserie rotor rottener rottenest rotund " +
  "rotunda rouge roughage roughen roughhouse roughness roulette roundabout roundness rouse router rowboat rowdier " +
  "rowdiest rowdiness rowdy royalty rpm rubber rubble rubier rubiest rubric rucksack ruckus rudder ruddier " +
  "ruddiest ruddy rudeness rudimentary rue rued rueful ruff ruffian ruffle rug rugby ruggeder ruggedest ruing " +
  "ruinous rum rumble ruminate rummage rummer rummest rummy rumour rump rumple runaway rundown rune runner " +
  "runnier runniest runny runt runway rupture rural ruse rustic rustler rut ruthless ruthlessness rye sabotage " +
  "saboteur sabre sac sacrament sacrificial sacrilege sacrilegious saddest saddle sadism sadist sadistic safari " +
  "safekeeping saffron sag saga sagebrush sager sagest sailboat sake saki salad salami sale saleable salesman " +
  "salesmen salespeople salesperson saleswoman saleswomen salient saliva salivate sallow sallower sallowest salon " +
  "saloon salter saltest salutation salute salvage salvation salve sameness sampler sanatoria sanatorium sanctify " +
  "sanctimonious sanctity sanctuary sandal sandbag sandman sandmen sandpaper sandstone sandstorm sane saner " +
  "sanest sanitaria sanitarium sanitary sanitation sanity sanserif sap sapphire sarcasm sarcastic sarcastically " +
  "sardine saree sari sash sassier sassiest sassy satanic satchel satellite satin satire satirical satirise " +
  "satirist satisfaction satisfactorily saturation sauce saucepan saucer saucier sauciest saucy sauerkraut sauna " +
  "saunter sausage sauted savage savager savagery savagest saver saviour savour savourier savouriest savoury " +
  "sawdust sawn saxophone scab scaffold scalar scald scalier scaliest scallop scalp scalpel scamper scandal " +
  "scandalise scandalous scanner scant scanter scantest scapegoat scarcity scarecrow scarf scarves scatterbrain " +
  "scavenger scenario scene scenic sceptic sceptical scepticism sceptre scheduler scheme schemer schizophrenia " +
  "schizophrenic scholarship scholastic schoolboy schoolchild schoolchildren schoolteacher schooner science " +
  "scientific scientifically scissor scoff scold scollop scoop scoot scooter scope scorer scorn scornful scorpion " +
  "scotch scoundrel scour scourge scowl scrabble scram scramble scrap scrapbook scratchier scratchiest scratchy " +
  "scrawl scrawnier scrawniest scrawny screwdriver screwier screwiest screwy scribe script scripture scriptwriter " +
  "scrounge scrub scruff scruffier scruffiest scruffy scruple scrupulous scrutinise scrutiny scuff scuffle " +
  "sculpture scum scurrilous scurry scuttle scythe sea seafaring seafood seam seaman seamen seamstress seaport " +
  "sear searchlight seashell seashore seasick seasickness seaside seasonable seasonal seaweed secede secession " +
  "seclude seclusion secondarily secrecy secretarial secrete secretion secretive section sector secular security " +
  "sedan sedative sedentary sediment sedimentary seduce seduction seductive seedier seediest seedling seedy seep " +
  "seepage seer seesaw seethe segment segmentation segregate segregation seize seizure selection selective " +
  "selector selfishness seller selves semantic semantically semblance semen semester semicircle semicolon " +
  "semiconductor semifinal seminary senator sender senile senility seniority sensation sensational sensationalism " +
  "senseless sensibility sensible sensitive sensitivity sensor sensual sensuality sensuous sentience sentient " +
  "sentiment sentimental sentimentality sentry separation separator sepulchre sequel sequencer sequential sequin " +
  "sera serenade serener serenest serenity serious seriousness sermon serpent serum server serviceable serviceman " +
  "servicemen serviette servile servitude session setback settable setter settlement settler severance severity " +
  "sewage sewer sexism sexist sexual sexuality shabbier shabbiest shabbily shabby shackle shadow shadowier " +
  "shadowiest shadowy shaft shaggier shaggiest shaggy shakier shakiest shaky sham shamble shame shameful " +
  "shameless shampoo shamrock shanty shapelier shapeliest shareholder shark sharpener sharpness shaven shaver " +
  "shawl shaykh sheaf shear sheath sheathe sheave sheen sheepish sheerer sheerest sheet sheik sheikh shelf shell " +
  "sheller shellfish shelve sherbert sherbet sheriff shied shies shiftier shiftiest shiftless shifty shimmer shin " +
  "shingle shipment shipshape shipwreck shire shirk shirt shoal shod shodden shoddier shoddiest shoddy shoelace " +
  "shoestring shoon shopkeeper shoplifter shopper shorn shortcoming shortfall shorthand shortlist shortness " +
  "shotgun shoulder shove shovel showcase showdown shower showier showiest showmen showy shrapnel shred shrew " +
  "shrewd shrewder shrewdest shrewdness shriek shrimp shrine shrinkage shroud shrub shrubbery shrug shrunken " +
  "shuck shudder shunt shutdown shutter shuttle shyness sicken sickle sickness sideline sidelong sideshow " +
  "sidestep sidetrack sidewalk sideways sidle siege siesta sieve sigh sight sightless sigma signature signer " +
  "significance signify signpost silent silenter silentest silhouette silicon silken sill silliness silo silt " +
  "silversmith silverware silvery similar similarity simile simmer simplex simplicity simplification simplistic " +
  "simulation simulator simultaneous sin sincerer sincerest sincerity sine sinew sinewy sinful singe singular " +
  "singularity sinus siphon sire siren sirloin sissier sissiest sisterhood sitter situate situation sixpence " +
  "sizable sizeable sizer sizzle skater skein skeleton sketch sketchier sketchiest sketchy skew skewer skid " +
  "skilful skillet skim skimp skimpier skimpiest skimpy skinflint skinnier skinniest skinny skipper skirt skit " +
  "skittish skulk skull skunk skylight skyline skyscraper slab slacken slacker slackest slag slake slander slang " +
  "slant slap slapstick slash slat slate slaughter slave slavery slavish sleazier sleaziest sleazy sled " +
  "sledgehammer sleeper sleepier sleepiest sleepless sleet sleeve sleeveless sleigh slenderer slew slily slime " +
  "slimmest sling slingshot slink slipper slipperier slipperiest slither slitter sliver slob slobber slog slogan " +
  "slop sloppier sloppiest sloppy slosh slot sloth slothful slovenlier slovenliest slovenly slowness sludge slug " +
  "sluggish sluice slum slumber slummer slump slung slunk slur slush slut slyer slyest slyness smack smallish " +
  "smallpox smattering smear smelt smidgen smidgeon smidgin smite smithereens smitten smock smog smoker " +
  "smokestack smokier smokiest smoky smoothness smote smother smoulder smudge smugger smuggest smut snack snag " +
  "snail snappier snappiest snappy snapshot snare snarl sneaker sneakier sneakiest sneaky sneer snicker snide " +
  "snider snidest sniffle snigger snip snipe sniper snippet snitch snob snobbery snobbish snooker snoop snootier " +
  "snootiest snooty snooze snore snorkel snort snot snout snowball snowdrift snowfall snowflake snowier snowiest " +
  "snowplough snowplowed snowplowing snowstorm snowy snub snuff snuffer snug snugger snuggest soapier soapiest " +
  "soapy soberer soberest sobriety sociable socialise socialism society sociological sociologist sociology sock " +
  "socket sod soda sodden sodium sodomy sofa softball soften softness software soggier soggiest soggy soil " +
  "sojourn solace solar solder solemnity soli solicitor solicitous solidarity solidify solidity solitaire " +
  "solitary solitude solo solution sombre someplace somersault sometime somewhere sonata song sonic sonnet " +
  "sonorous soot sootier sootiest sooty sop sophisticate sophistication sophistry sophomore soprano sorcery " +
  "sorority sorrier sorriest sorrow sorrowful sorta sounder soundest soundtrack soup source sourer sourest " +
  "southeastern southerly southerner southpaw southward southwestern souvenir sovereignty sox spa space spaceship " +
  "spacial spacious spade spaghetti spangle spaniel spank spanner spar sparkler sparrow sparser sparsest spasm " +
  "spasmodic spate spatial spatter spatula spay speaker spear spearhead spearmint specialisation specialise " +
  "speciality specific specifically specification specifier specimen specious speck spectacle spectacular spectra " +
  "spectre spectrum speculate speculation speculative speculator speech speechless speedboat speedier speediest " +
  "speedometer speller spelt spendthrift sperm spew sphere spherical sphinges sphinx spider spigot spinach spinal " +
  "spindlier spindliest spindly spine spineless spinster spire spiritual spiteful spitefuller spitefullest " +
  "spittle splat splatter spleen splendider splendidest splendour splice splint splinter splurge spoilt spokesman " +
  "spokesmen spokespeople spokeswoman spokeswomen sponge spongier spongiest spongy sponsorship spontaneity " +
  "spontaneous spook spookier spookiest spooky spool spoon spoonful spoonsful sporadic spore sporran sport " +
  "sportsmanship spotless spotlight spottier spottiest spotty spout sprain spreadsheet spree sprier spriest sprig " +
  "springboard springier springiest springtime springy sprinkler sprint sprinter sprout sprucer sprucest sprung " +
  "spryer spryest spud spunk spurious spurn spurt sputter squabble squad squadron squalid squalider squalidest " +
  "squall squalor squash squattest squawk squeak squeakier squeakiest squeaky squeal squeamish squeeze squelch " +
  "squid squint squinter squintest squire squirm squirrel squirt stabilise stability stabler stablest stadia " +
  "stadium stag stagecoach stagnant stagnate stagnation staid staider staidest stair staircase stairway stalemate " +
  "stallion stamina stammer stampede stance stanch stancher stanchest standardisation standardise standby " +
  "standoff standpoint standstill stank stanza stapler starboard starch starchier starchiest starchy stardom " +
  "starfish starlight starrier starriest starry starter starvation statement stater statesmanship statesmen " +
  "station stationary stationery statistical statistician statue stature status staunch stauncher staunchest " +
  "steadily steak stealth stealthier stealthiest stealthily stealthy steamier steamiest steamroller steamy " +
  "steeple stellar stench stencil stenographer stenography stepladder stereo sterilisation sterilise sternness " +
  "stethoscope steward stewardess sticker stickier stickiest stickler sticky stiffness stigma stigmata stillborn " +
  "stiller stillest stillness stilted stimulant stimulation stinger stingier stingiest stinginess stingy stint " +
  "stipulate stipulation stirrup stockade stockbroker stockholder stockier stockiest stocky stockyard stodgier " +
  "stodgiest stodgy stoical stolid stolider stolidest stomp stoney stonier stoniest stony stool stopgap stopover " +
  "stoppage stopper stopwatch storage storehouse storekeeper storeroom storey stork stormier stormiest stormy " +
  "story stouter stoutest stove stow stowaway straddle straggle straggler straightjacket strainer strait " +
  "straitjacket strand strangeness strangulation strap strata stratagem strategic stratify stratosphere stratum " +
  "straw strawberry streak streamline street streetcar strength strenuous stressful stretcher stricken strictness " +
  "stridden stride strife striker stringier stringiest stringy stripper stript striven strode stroll stroller " +
  "stronghold structural structuralist structure strum strut stub stubbier stubbiest stubble stubborner " +
  "stubbornest stubby stud studentship studio studious stuffier stuffiest stuffy stunt stupefy stupendous " +
  "stupidity stupor stutter stylish stylistic stylus suave suaver suavest subcommittee subconscious subdivide " +
  "subdivision subdue subgroup subjective subjugate subjunctive sublet sublimer sublimest submarine submersion " +
  "submission submissive subnormal subprogram subroutine subscribe subscriber subscript subscription subsection " +
  "subsequent subservient subset subsidiary subsidise subsidy subsistence substance substantiate substitute " +
  "substitution subsystem subterfuge subterranean subtlety subtraction suburb subversive subway success " +
  "successful succession successive successor succincter succinctest succour succulent sucker suckle suction suds " +
  "suede sufferer sufficient suffix suffocate suffocation suffrage sugarier sugariest sugary suggester suggestion " +
  "suggestive suicidal suicide suitability suitable suitcase suitor sulfur sulk sulkier sulkiest sulky sullen " +
  "sullener sullenest sulphur sultrier sultriest sultry summarily summary summit sumptuous sun sunbathe sunburn " +
  "sunburnt sundae sundial sundown sundry sunflower sunglasses sunken sunlit sunnier sunniest sunny sunscreen " +
  "sunset suntan sunup sup superber superbest supercomputer superfluous superimpose superiority superlative " +
  "supermarket supernatural superscript supersede supersonic superstition superstitious superstructure supervise " +
  "supervision supper supplant supple supplementary suppler supplest supplier supporter supportive supposition " +
  "suppression supremacy surcharge surfboard surgery surgical surlier surliest surmise surname surplus surrender " +
  "surreptitious surveillance surveyor survival susceptible suspender suspense suspension suspicion suspicious " +
  "sustainable sustenance swab swagger swaggerer swamp swampier swampiest swampy swan swap swarm swarthier " +
  "swarthiest swarthy swat swathe sweater sweaty sweepstake sweetness sweller swellest swerve swig swill swindle " +
  "swindler swine swirl swish swisher swishest switchable switchboard switcher swivel swollen swoon swoop sword " +
  "swordfish symbol symbolic symbolise symbolism symmetric symmetrical symmetry sympathetic sympathetically " +
  "sympathise sympathy symphonic symphony symptom symptomatic synagog synagogue synapse synchronisation " +
  "synchronise synchronous syndicate syndrome synonym synonymous syntactic syntactically syntax syntheses " +
  "synthesis synthesise synthesiser synthesizer synthetic synthetize syphilis syphon syringe syrup systematic " +
  "systematically tab tabby tabernacle table tablecloth tablespoonful tablespoonsful tablet tabloid tabu tabulate " +
  "tabulation tacit taciturn tackier tackiest tacky taco tact tactful tactical tactless tadpole tail tailgate " +
  "taillight tailspin taint takeoff takeover taker talc tale talisman talkative talker tallow talon tambourine " +
  "tameness tandem tang tangent tangential tangerine tangible tango tank tankard tanker tannest tantalise " +
  "tantamount tantrum tap tape taper tapestry tar tarantula tarantulae tardier tardiest tardiness tardy tariff " +
  "tarpaulin tarrier tarriest tarry tartan tartar task tassel tasteful tasteless tastier tastiest tasty tattle " +
  "tattoo tatty taunt taut tauter tautest tautology tavern tawnier tawniest tawny taxable taxation taxi taxicab " +
  "taxpayer taxying teacup teak teammate teamster teamwork teapot teardrop tearful teat technical technicality " +
  "technique technological technology tedious tedium teem teepee teeter teethe teetotal teetotaller " +
  "telecommunications telegram telegraph telepathic telepathy telephone telescope teletype televise television " +
  "teller telltale temperament temperamental temperance temperature tempest tempestuous tempi temple tempo " +
  "temporal temporarily temptation tenable tenacious tenacity tenancy tend tendency tenderer tenderise tenderness " +
  "tendon tendril tenement tenet tenor tension tensors tent tentacle tentative tenuous tenure tepee tepid term " +
  "terminate termination terminator termini terminology terminus termite terrace terrain terrestrial terrible " +
  "terrific territorial territory terror terrorise terrorism terse terseness terser tersest testable testament " +
  "testicle testify testimonial testimony testis tetanus tether textbook textile textual texture thankful " +
  "thankless thaw theatre theatrical theft theist theme thence theologian theological theology theorem theoretic " +
  "theoretical theorise theorist theory therapeutic therapy thereabouts thereafter therein thereof thereon " +
  "thereupon thermal thermometer thermostat thesauri thesaurus theta thicken thicket thickness thieve thigh " +
  "thimble thinker thirst thirstier thirstiest thirsty thistle thong thorn thornier thorniest thorough " +
  "thoroughbred thorougher thoroughest thoroughfare thoughtful thoughtfulness thoughtless thrash threadbare " +
  "threat thresh thresher threshold thrice thrift thriftier thriftiest thrifty thriller thriven throat throb " +
  "throne throng throttle throughput throve throwaway throwback thud thug thumb thumbtack thump thunderbolt " +
  "thunderous thunderstorm thunderstruck thyme thyroid ticket tickle ticklish tidal tiff tiger tightness " +
  "tightrope tightwad tilde tilt timber timekeeper timeless timer timescale timezone timid timider timidest " +
  "timidity tinder ting tinge tingle tinker tinkle tinnier tinniest tinny tinsel tint tipi tipsier tipsiest tipsy " +
  "tiptoe tirade tireder tiredest tireless tiresome tissue tit titbit titillate title titter toad toadstool toast " +
  "toaster tobacco toboggan toddle toe toed toenail toffee toffy toga togae toggle toil toilet tolerable " +
  "tolerance tolerate tomahawk tomato tomb tomboy tombstone tomcat tome tonal tong tongue tonic tonnage tonsil " +
  "tonsillitis tool toolkit toot toothache toothbrush toothpick topaz topical topography topology torch torment " +
  "tormenter tormentor torpedo torrent torrential torrid torsi torso tortilla tortoise tortuous tost tot " +
  "totalitarian totalitarianism totality tote totem totter toucan touchdown touchier touchiest touchy toughness " +
  "toupee tournament tourniquet tousle tout tow towel tower town townspeople toxic toxin toy trace tract traction " +
  "tractor trademark tradition traditional traditionalist tragic tragically trail trailer trainee trainer trait " +
  "traitor traitorous trampoline trance tranquility tranquiller tranquillest tranquillise tranquilliser " +
  "tranquillity transaction transatlantic transcend transcontinental transcribe transcript transcription " +
  "transferable transformation transformer transfusion transgress transgression transient transistor transit " +
  "transitional transitive transitory translate translation translator transliteration translucent transmission " +
  "transmit transmitter transparency transplant transportable transportation transpose transverse trapdoor " +
  "trapeze trapezoid trapper trash trashcan trashier trashiest trashy trauma traumata traumatic traumatise " +
  "traveller traverse travesty trawl trawler tray treacherous treachery treacle tread treadmill treason treasure " +
  "treasurer treasury treatment treaty treble tree trellis tremendous tremor trench trepidation trespass " +
  "trespasser trestle triangle triangular tribal tribulation trickery trickier trickiest trickster tricky " +
  "tricycle trigonometry trill trilogy trimester trimmer trimmest trinket trio tripe triple triplet triplicate " +
  "tripod tripos triter tritest triumph triumphant trivia trivial triviality trod trodden troll trolley trombone " +
  "troop trophy tropical troublemaker troublesome trounce troupe trouser trowel truancy truant truce truck trudge " +
  "truffle truism truly trump trumpet truncate truncation trunk trustee trustful trustier trustiest trustworthier " +
  "trustworthiest trustworthy trusty truth truthful truthfulness tryout tsar tub tuba tube tuberculosis tubular " +
  "tuft tug tuition tulip tumbler tumour tumult tumultuous tundra tuneful tuner turban turbine turbulence " +
  "turbulent tureen turf turgid turmoil turnaround turnip turnout turnover turnpike turnstile turpentine " +
  "turquoise turret turtle turtleneck turves tusk tussle twang tweak twee tweet tweezers twiddle twig twilight " +
  "twine twinge twinkle twirl twister twitch typeface typescript typeset typesetter typewriter typhoid typhoon " +
  "typhus typical typify typist typographic typographical tyrannical tyrannise tyrant tyre tzar ubiquitous udder " +
  "ugliness ulcer ulterior ultimata ultimatum ultrasonic ultraviolet umbrella umpire umpteen unable unacceptable " +
  "unaccepted unaccountable unadulterated unaffected unaltered unambiguous unanimity unanimous unanswerable " +
  "unanswered unarmed unassigned unattached unattainable unattractive unauthorised unavailable unavoidable " +
  "unaware unbalanced unbearable unbeatable unbecoming unbelievable unbeliever unbiased unbiassed unblock unborn " +
  "unbreakable unbroken unburden uncannier uncanniest uncanny unceasing uncertain uncertainty unchanged " +
  "uncharitable unchristian unclean uncleaner uncleanest unclear uncomfortable uncommon uncommoner uncommonest " +
  "uncompromising unconcerned unconditional unconfirmed unconnected unconscious unconstitutional uncontrollable " +
  "uncontrolled uncontroversial unconventional unconvinced uncountable uncouth uncover uncultured uncut undamaged " +
  "undaunted undecidable undefined undemocratic undeniable underbrush undercurrent underdog underflow underfoot " +
  "undergarment undergrowth underlain underlay underlie underline undermine undernourished underpants underpass " +
  "underrate underscore undershirt underside understandable understate understatement understudy undertaken " +
  "undertaker undertow underworld underwrite underwritten underwrote undeserved undesirable undetected " +
  "undeveloped undisturbed undoubted undress unduly undying uneasier uneasiest uneasily uneasiness uneasy " +
  "uneconomic uneconomical uneducated unemployable unemployment unenlightened unequal unequivocal unerring " +
  "unethical uneventful unexpected unfailing unfair unfairer unfairest unfaithful unfamiliar unfasten " +
  "unfavourable unfeasible unfeeling unfilled unfinished unfit unforgettable unforgivable unfortunate " +
  "unfriendlier unfriendliest unfriendly unfunny unfurl ungainlier ungainliest ungainly ungodlier ungodliest " +
  "ungodly ungrammatical ungrateful unhappier unhappiest unhappily unhappiness unhappy unhealthier unhealthiest " +
  "unhealthy unhelpful unhook unicorn unicycle unidentified unification uniform uniformity unilateral " +
  "unimaginative unimportant unimpressed uninformative uninformed uninhibited uninitiated uninspired uninspiring " +
  "unintelligent unintelligible unintended unintentional uninterested uninteresting union unionise uniqueness " +
  "uniquer uniquest unison unit unity universe university unjust unjustifiable unjustified unkempt unkind " +
  "unkinder unkindest unkindlier unkindliest unknown unlabelled unlawful unlikelier unlikeliest unlimited unload " +
  "unluckier unluckiest unlucky unman unmarked unmask unmistakable unmitigated unmodified unmoved unnatural " +
  "unnecessarily unnecessary unobtainable unoccupied unofficial unoriginal unorthodox unpack unparalleled unpick " +
  "unpleasant unpleasantness unpopular unpopularity unpredictable unprepared unprincipled unprintable " +
  "unprivileged unprotected unproven unprovoked unpublished unqualified unquestionable unread unreadable unreal " +
  "unrealistic unreasonable unrecognised unrelated unreliability unreliable unremarkable unrepeatable " +
  "unrepresentative unreservedly unrest unrestricted unrivalled unruffled unrulier unruliest unsafe unsafer " +
  "unsafest unsaid unsanitary unsatisfactory unsatisfied unsavoury unsay unscathed unscheduled unscientific " +
  "unscrew unscrupulous unseasonable unseat unseemlier unseemliest unseemly unset unsightlier unsightliest " +
  "unsigned unskilled unsolicited unsolved unsophisticated unsound unsounder unsoundest unspeakable unspecified " +
  "unstable unstructured unstuck unsubstantiated unsuccessful unsuitable unsuited unsung unsupportable " +
  "unsupported unsure untangle untenable unthinkable untidier untidiest untidy untiring unto untouched untrained " +
  "untrue untruer untruest untrustworthy untying unusable unused unusual unwary unwashed unwelcome unwell " +
  "unwieldier unwieldiest unwilling unwillingness unwind unwise unwiser unwisest unwittingly unworkable unworthy " +
  "unwound unwrap unwritten upbringing upend upheaval uphill upholster upholsterer upholstery upkeep upped " +
  "uppermost upping upright uprising uproar uproot upshot upstanding upstart upstream uptake upturn upward " +
  "uranium urbane urbaner urbanest urchin urgency urinate urine urn usable usage useable useful usefulness " +
  "useless uselessness usurp utensil uteri uterus utilisation utilise utilitarian utilitarianism utility utmost " +
  "utterance vacancy vacate vaccinate vaccination vaccine vacillate vacua vacuous vagary vagina vaginae vaginal " +
  "vagueness valet valiant valid validation validity valise valley valour valueless valve vampire vandal " +
  "vandalise vandalism vane vanguard vanity vanquish vaporise vapour variance variation varsity vase vastness vat " +
  "vault veal vector veer vegetarian vegetarianism vegetation vehement vehicle veil vein velocity velour velvet " +
  "velvety vend vendor veneer venerable venerate veneration vengeance vengeful venison venom venomous vent " +
  "ventilate ventilation ventilator ventricle ventriloquist venue veracity veranda verandah verb verbal verbatim " +
  "verbiage verbose verbosity verge verier veriest verification veritable vermin versatility verse version " +
  "vertical vertices vertigo verve vessel vest vestibule vestige vestment veterinary veto vexation viability " +
  "viable viaduct vial vibrate vibration vicar vicarious vice vicinity vicious victim victimise victorious " +
  "victory video videotape viewer viewpoint vigil vigilance vigilante vigorous vigour vii viii viler vilest " +
  "vilify villa village villager villainous villainy vindicate vindictive vine vineyard vintage vinyl violate " +
  "violation violent violin viper viral virgin virginity virile virility virtual virtue virtuosi virtuoso " +
  "virtuous virulent vise visibility visible vision visitation visor vista visual visualise vital vitality " +
  "vitamin vitriolic vivacious vivacity vivid vivider vividest vivisection vizor vocal vocalist vocation " +
  "vocational vociferous vodka vogue volcanic volition volley volleyball volt volume voluminous voluntarily " +
  "voluntary voluptuous voodoo voracious vortex vortices voter vouch voucher vowel voyage vulgarer vulgarity " +
  "vulnerability vulnerable vulture wad waddle waffle waft wag wage wager waggon wagon waif wail waistline " +
  "waitress waiver walkout wall wallet wallop wallow wallpaper walnut walrus waltz wan wand wane wanna wanner " +
  "wannest warble warden wardrobe warfare warhead warlike warpath warranty wart wartime washable washcloth washer " +
  "washout washroom wasp wastage wastebasket wasteful wasteland watchdog watchful watchman watchmen watchword " +
  "watercolour waterfall waterfront waterier wateriest waterlogged watermark watermelon waterproof watertight " +
  "waterway waterworks waveform wavelength waver wavier waviest wavy waxier waxiest waxy waylaid waylay wayside " +
  "wayward weakling weakness wealth wealthier wealthiest wealthy weapon weaponry wearily weariness wearisome " +
  "weasel weaver web wedder wedge wedlock weedier weediest weedy weekday weer weest weight weightier weightiest " +
  "weighty weirdness weirdo weld welfare welt werewolf werewolves west westerly westward whaler wharf wharves " +
  "wheat wheedle wheelbarrow wheelchair wheeze whence whereabouts wherein whereupon wherewithal whet whiff whim " +
  "whimper whimsical whine whinny whir whirl whirlpool whirlwind whirr whisker whiten whiteness whitewash whittle " +
  "whiz whizz wholehearted wholesaler wholesome wholly whoop whopper whore wickedness wicker wicket widow widower " +
  "width wig wiggle wigwam wildcat wilderness wildfire wildness wilful willingness willpower wilt wince winch " +
  "windfall windmill window windowpane windpipe windscreen windshield wingers wink winsome winsomer winsomest " +
  "winter winterier winteriest wintertime wintery wintrier wintriest wintry wiper wisdom wisecrack wishbone " +
  "wishful wisp wispier wispiest wispy wist wistful wit witchcraft withdrawal withheld withhold withstand " +
  "withstood witless witticism wittier wittiest witty wive wiz wizened wobble wobblier wobbliest woe wok wolf " +
  "wolves womanhood womankind womb wombat wonderful wonderland wondrous wont woo woodchuck woodener woodenest " +
  "woodland woodpecker woodsman woodsmen woodwind woodwork woof woolie woolier wooliest woollen woollier " +
  "woolliest wordier wordiest wordy workable workbench workbook workforce workload workman workmanship workmen " +
  "workout workplace workstation world worldlier worldliest worldwide worm wormhole worrisome worshipper worthier " +
  "worthiest worthless worthy wot wounder wrangle wrangler wrapper wrapt wrath wreath wreathe wreckage wrecker " +
  "wren wrench wrest wretch wretcheder wretchedest wriggle wringer wristwatch writ writable writhe wrongdoer " +
  "wrongdoing wryer wryest xci xcii xciv xcix xcvi xcvii xenophobia xii xiii xiv xix xvi xvii xviii xxi xxii " +
  "xxiii xxiv xxix xxv xxvi xxvii xxviii xxx xxxi xxxii xxxiii xxxiv xxxix xxxv xxxvi xxxvii xxxviii xylophone " +
  "yacht yack yak yam yank yap yardstick yarn yearling yeast yelp yeti yew yock yodel yoga yoghourt yoghurt " +
  "yogurt yoke yokel yolk yonder youngster youthful yowl zeal zealous zebra zenith zest zeta zigzag zillion zinc " +
  "zincked zincking zipper zodiac zombi zoo zoological zoologist zoology zucchini ";
