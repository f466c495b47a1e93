"""Demo decks: one per demo career, written for this site.

`decks_load_demo()` creates what is missing and never changes what exists: a deck is
matched by its slug (or by its career, which holds one deck), and the cards of an
existing deck are left exactly as an editor left them.
"""

from collections import Counter

from django.db import transaction

from careers.models import Career, Publishable
from flashcards.models import Card, Deck
from flashcards.services import cards_search_index

BEGINNER, MIDDLE, ADVANCED = Card.Difficulty.values

DECKS = [
    {
        "slug": "machine-learning-interview-questions",
        "career": "machine-learning-engineer",
        "title": "Machine Learning Interview Questions",
        "description": (
            "Questions machine learning engineer interviews keep coming back to: the maths, "
            "the libraries, LLMs, model evaluation and running models in production."
        ),
        "cards": [
            (
                "What math do I need?",
                "Three areas: **linear algebra**, **probability** and basic **multivariable "
                "calculus**. The bar to aim for: you can work out gradient descent on paper "
                "and explain what an eigenvector is and why it matters (PCA, for one).",
                BEGINNER,
                "math",
            ),
            (
                "Which libraries to focus on?",
                "- **PyTorch** for deep learning\n"
                "- **scikit-learn** plus **XGBoost** or **LightGBM** for classical models\n"
                "- **pandas** and **NumPy** for everyday data work",
                BEGINNER,
                "tools, python",
            ),
            (
                "Do I need to know LLMs?",
                "Yes, for any ML role in 2026. At a minimum: fine-tuning, retrieval-augmented "
                "generation (RAG) and prompt engineering. Teams that build LLMs themselves "
                "expect far more depth than that.",
                BEGINNER,
                "llm",
            ),
            (
                "Explain the bias–variance trade-off.",
                "Error on unseen data comes from **bias** (the model is too simple to capture "
                "the pattern), **variance** (it fits noise in the training set) and noise no "
                "model can remove. More capacity lowers bias but raises variance; "
                "regularisation, more data and ensembling pull variance back down.",
                BEGINNER,
                "theory",
            ),
            (
                "How do L1 and L2 regularisation differ?",
                "Both add a penalty on weight size to the loss. **L1** (lasso) penalises "
                "absolute values and drives some weights to exactly zero, so it also selects "
                "features. **L2** (ridge) penalises squares and shrinks all weights smoothly "
                "without zeroing them.",
                MIDDLE,
                "theory",
            ),
            (
                "Why use cross-validation instead of a single train/test split?",
                "One split gives one noisy estimate that depends on which rows landed where. "
                "*k*-fold cross-validation trains *k* times, each time holding out a different "
                "fold, and averages the scores: a steadier estimate, and you see the spread. "
                "Keep a final untouched test set for the very end.",
                BEGINNER,
                "evaluation",
            ),
            (
                "Precision or recall: which matters more?",
                "It depends on what a mistake costs. **Precision** counts how many flagged "
                "items were right; **recall** counts how many of the real positives you caught. "
                "A spam filter favours precision (don't lose real mail); cancer screening "
                "favours recall (don't miss a case). F1 balances both.",
                BEGINNER,
                "evaluation",
            ),
            (
                "Your classes are 99 : 1. What do you do?",
                "Stop looking at accuracy; use precision–recall curves, PR-AUC or recall at a "
                "fixed precision. Then try class weights, resampling (undersample the majority "
                "or oversample the minority), a tuned decision threshold, and stratified "
                "splits so every fold holds some positives.",
                MIDDLE,
                "evaluation, data",
            ),
            (
                "How does gradient boosting work?",
                "It builds an ensemble of shallow trees one at a time. Each new tree is fitted "
                "to the gradient of the loss, the errors the ensemble still makes, and added "
                "with a small learning rate. XGBoost and LightGBM add regularisation, "
                "histogram splits and speed.",
                MIDDLE,
                "classical ml",
            ),
            (
                "Bagging or boosting: what is the difference?",
                "**Bagging** trains many models independently on bootstrap samples and "
                "averages them, which mainly cuts variance (random forests). **Boosting** "
                "trains models in sequence, each correcting the last, which mainly cuts bias "
                "but can overfit without early stopping.",
                MIDDLE,
                "classical ml",
            ),
            (
                "What is data leakage, and how do you catch it?",
                "Information the model will not have at prediction time slips into training: "
                "a feature computed from the label, future rows in a time series, or scaling "
                "fitted on the whole data set. Signs: scores that look too good. Fix it with "
                "time-based splits and preprocessing fitted inside each training fold.",
                MIDDLE,
                "data, evaluation",
            ),
            (
                "Why do transformers use attention instead of recurrence?",
                "Self-attention lets every token look at every other token in one step, so "
                "long-range links do not fade over many time steps and the whole sequence is "
                "processed in parallel on a GPU. The price is memory that grows with the "
                "square of the sequence length.",
                ADVANCED,
                "deep learning, llm",
            ),
            (
                "What does LoRA change when fine-tuning a large model?",
                "The original weights stay frozen. LoRA learns small low-rank matrices that "
                "are added to chosen weight matrices, so only a tiny fraction of parameters "
                "train: far less GPU memory, and one base model can serve many cheap adapters.",
                ADVANCED,
                "llm, fine-tuning",
            ),
            (
                "Walk me through a RAG system.",
                "1. Split documents into chunks and embed them into a vector index.\n"
                "2. Embed the user's question and retrieve the closest chunks.\n"
                "3. Put those chunks into the prompt and let the model answer from them.\n\n"
                "Then evaluate retrieval (did the right chunk come back?) and the answer "
                "(is it grounded in the chunks?) separately.",
                MIDDLE,
                "llm, rag",
            ),
            (
                "How would you evaluate an LLM application?",
                "Build a fixed set of real questions with reference answers, then score with "
                "exact checks where possible, an LLM judge with a clear rubric where not, and "
                "human review on a sample. Track faithfulness, relevance, latency and cost, "
                "and rerun the set on every prompt or model change.",
                ADVANCED,
                "llm, evaluation",
            ),
            (
                "What is the vanishing gradient problem?",
                "In deep networks, gradients are products of many small derivatives and can "
                "shrink towards zero on their way back to early layers, which then barely "
                "learn. ReLU activations, careful initialisation, normalisation layers and "
                "residual connections all help.",
                MIDDLE,
                "deep learning",
            ),
            (
                "What does batch normalisation do?",
                "It normalises each layer's inputs over the mini-batch and then rescales them "
                "with learned parameters. Training becomes more stable, tolerates higher "
                "learning rates and depends less on initialisation. At inference it uses "
                "running averages instead of batch statistics.",
                MIDDLE,
                "deep learning",
            ),
            (
                "What is the difference between online and batch serving?",
                "**Batch** scores many rows on a schedule and stores the results; it is cheap "
                "and simple when predictions can be hours old. **Online** answers each request "
                "in milliseconds behind an API (Triton, BentoML), which needs fresh features, "
                "autoscaling and latency budgets.",
                MIDDLE,
                "mlops",
            ),
            (
                "What is a feature store for?",
                "It computes features once and serves the *same* values to training (from "
                "history, point in time) and to online inference (low latency). That removes "
                "training–serving skew and lets teams reuse features instead of rebuilding them.",
                ADVANCED,
                "mlops",
            ),
            (
                "How do you detect that a model in production is degrading?",
                "Monitor inputs (data drift: feature distributions moving away from training), "
                "outputs (prediction drift), and, once labels arrive, real quality metrics. "
                "Alert on thresholds, keep a model registry (MLflow) so you can roll back, and "
                "schedule retraining.",
                ADVANCED,
                "mlops, monitoring",
            ),
            (
                "Design a recommendation system for an online shop.",
                "Two stages. **Candidate generation** narrows millions of items to hundreds "
                "(collaborative filtering, two-tower embeddings, popular items). **Ranking** "
                "scores those with a richer model on user, item and context features. Add "
                "business rules, handle cold start, and judge it with an online A/B test, "
                "not offline metrics alone.",
                ADVANCED,
                "system design",
            ),
            (
                "How do you choose between a classical model and a deep network?",
                "Tabular data of modest size: start with gradient boosting, which is fast, "
                "strong and easy to explain. Images, audio, text or very large data sets: deep "
                "learning usually wins. Always beat a simple baseline first, and weigh latency, "
                "cost and interpretability, not accuracy alone.",
                BEGINNER,
                "classical ml, deep learning",
            ),
        ],
    },
    {
        "slug": "data-science-interview-questions",
        "career": "data-scientist",
        "title": "Data Science Interview Questions",
        "description": (
            "Statistics, experiments, SQL and modelling questions that data scientist "
            "interviews use to test judgement as well as knowledge."
        ),
        "cards": [
            (
                "Explain a p-value to a product manager.",
                "Assume the change did nothing. The p-value is how often you would see a "
                "difference at least this large from chance alone. A small value says chance "
                "is an unlikely explanation; it does not say how big or how useful the effect is.",
                BEGINNER,
                "statistics",
            ),
            (
                "How do you size an A/B test?",
                "Choose the smallest effect worth detecting, the significance level (often 5%) "
                "and the power (often 80%), then compute the sample size from the metric's "
                "baseline and variance. Fix the duration up front, covering full weekly cycles.",
                MIDDLE,
                "experiments",
            ),
            (
                "Why is peeking at an A/B test a problem?",
                "Checking the p-value every day and stopping at the first significant result "
                "inflates the false-positive rate well above the level you chose. Fix the "
                "sample size in advance, or use a sequential method designed for early looks.",
                MIDDLE,
                "experiments",
            ),
            (
                "Correlation versus causation: how would you show causation?",
                "A randomised experiment is the cleanest proof. Without one, use designs that "
                "mimic it: difference-in-differences, regression discontinuity, instrumental "
                "variables or matching, and say plainly which assumptions they rest on.",
                MIDDLE,
                "statistics, causal inference",
            ),
            (
                "What does a window function do in SQL?",
                "It computes a value over a set of rows related to the current row (a "
                "partition, in an order) without collapsing them like GROUP BY does. Examples: "
                "`ROW_NUMBER()` to rank, `LAG()` to compare with the previous row, running "
                "totals with `SUM() OVER (...)`.",
                BEGINNER,
                "sql",
            ),
            (
                "How do you handle missing values?",
                "First ask why they are missing: at random, or because of something meaningful. "
                'Then drop, impute (median, model-based) or keep a "was missing" flag. Fit '
                "any imputation on training data only, to avoid leakage.",
                BEGINNER,
                "data",
            ),
            (
                "Logistic regression outputs a probability. How do you pick the threshold?",
                "From the costs of each mistake, not by defaulting to 0.5. Plot precision and "
                "recall across thresholds, put a price on false positives and false negatives, "
                "and choose the threshold that minimises the expected cost.",
                MIDDLE,
                "modelling",
            ),
            (
                "A key metric dropped 10% overnight. How do you investigate?",
                "Check the data first: pipeline failures, tracking changes, definitions. Then "
                "segment by platform, country, version and traffic source to locate the drop, "
                "line it up with releases and outside events, and only then look for a cause.",
                ADVANCED,
                "product sense",
            ),
            (
                "What is Simpson's paradox?",
                "A trend that appears in every subgroup reverses when the groups are combined, "
                "because the groups differ in size or mix. It is a reminder to check "
                "confounders and segment results before drawing conclusions.",
                ADVANCED,
                "statistics",
            ),
        ],
    },
    {
        "slug": "ai-engineering-interview-questions",
        "career": "ai-engineer",
        "title": "AI Engineering Interview Questions",
        "description": (
            "Building products on large language models: prompting, retrieval, agents, "
            "evaluation, cost and safety."
        ),
        "cards": [
            (
                "When would you fine-tune instead of improving the prompt or adding RAG?",
                "Prompting first, since it is cheapest. Add RAG when the model lacks facts. "
                "Fine-tune when you need a consistent style or format, a narrow skill, or "
                "shorter prompts at high volume, and you have hundreds of good examples.",
                MIDDLE,
                "llm",
            ),
            (
                "What are embeddings, and what are they used for?",
                "Vectors that place texts (or images) so that similar meanings sit close "
                "together. They power semantic search, retrieval for RAG, clustering, "
                "deduplication and recommendations.",
                BEGINNER,
                "embeddings",
            ),
            (
                "How do you choose a chunk size for RAG?",
                "Chunks must be small enough to be precise and large enough to keep their "
                "context. Split on document structure (headings, paragraphs), add some "
                "overlap, then measure retrieval quality on real questions and tune from there.",
                MIDDLE,
                "rag",
            ),
            (
                "What is prompt injection, and how do you defend against it?",
                "Text in the input (a web page, an email, a document) that tries to override "
                "your instructions. Treat model output as untrusted: give tools the least "
                "privilege, confirm risky actions with a person, separate data from "
                "instructions, and filter what goes out.",
                ADVANCED,
                "security",
            ),
            (
                "How do you reduce hallucinations?",
                "Ground answers in retrieved sources and ask for citations, let the model say "
                '"I don\'t know", lower the temperature for factual tasks, validate structured '
                "output, and measure faithfulness on an evaluation set.",
                MIDDLE,
                "quality",
            ),
            (
                "What is an agent, and when is it the wrong choice?",
                "A loop in which the model picks tools to call, reads the results and decides "
                "the next step. It is the wrong choice when a fixed workflow would do: agents "
                "are slower, costlier and harder to test than a plain pipeline.",
                ADVANCED,
                "agents",
            ),
            (
                "How do you keep LLM costs and latency under control?",
                "Use the smallest model that passes your evaluations, cache repeated prompts "
                "and answers, trim context, stream responses, batch offline work, and route "
                "only hard requests to a larger model.",
                MIDDLE,
                "operations",
            ),
            (
                "What does temperature control?",
                "How random the sampling of the next token is. Low values make output more "
                "deterministic (extraction, code); higher values make it more varied "
                "(brainstorming, creative text).",
                BEGINNER,
                "llm",
            ),
        ],
    },
    {
        "slug": "data-engineering-interview-questions",
        "career": "data-engineer",
        "title": "Data Engineering Interview Questions",
        "description": (
            "Pipelines, modelling, SQL and distributed processing: the questions data "
            "engineer interviews are built from."
        ),
        "cards": [
            (
                "ETL or ELT: what is the difference?",
                "**ETL** transforms data before loading it into the warehouse. **ELT** loads "
                "raw data first and transforms it inside the warehouse (often with dbt), which "
                "suits cheap cloud storage and keeps the raw history for reprocessing.",
                BEGINNER,
                "pipelines",
            ),
            (
                "What is a star schema?",
                "A central **fact** table of events or measurements (sales, clicks) keyed to "
                "surrounding **dimension** tables (customer, product, date). It keeps "
                "analytical queries simple and fast.",
                BEGINNER,
                "modelling",
            ),
            (
                "What is a slowly changing dimension of type 2?",
                "A way to keep history when a dimension changes: instead of overwriting a row, "
                "close it (with an end date or a current flag) and insert a new version, so "
                "old facts still join to the values that were true at the time.",
                MIDDLE,
                "modelling",
            ),
            (
                "What makes a pipeline idempotent, and why does it matter?",
                "Running it twice for the same input gives the same result, with no duplicates. "
                "Techniques: overwrite partitions instead of appending, MERGE/upsert on keys, "
                "and deterministic run dates. It makes retries and backfills safe.",
                MIDDLE,
                "pipelines",
            ),
            (
                "Batch or streaming: how do you choose?",
                "Ask how fresh the data must be. Hourly or daily is fine for most reporting, "
                "and batch is simpler and cheaper. Choose streaming (Kafka, Flink) when "
                "decisions need seconds: fraud checks, live dashboards, alerts.",
                BEGINNER,
                "architecture",
            ),
            (
                "Why are columnar formats such as Parquet faster for analytics?",
                "They store each column together, so a query reads only the columns it needs; "
                "similar values compress well; and per-block statistics let engines skip data "
                "that cannot match a filter.",
                MIDDLE,
                "storage",
            ),
            (
                "What is data skew in Spark, and how do you fix it?",
                "A few keys hold most of the rows, so a few tasks do most of the work while the "
                "rest wait. Fixes: salt hot keys, broadcast the small side of a join, enable "
                "adaptive query execution, or pre-aggregate.",
                ADVANCED,
                "spark",
            ),
            (
                "How do you test data quality in a pipeline?",
                "Check assumptions at each stage: row counts, not-null and unique keys, "
                "accepted values, freshness and referential integrity (dbt tests, Great "
                "Expectations). Fail loudly, and quarantine bad batches rather than "
                "publishing them.",
                MIDDLE,
                "quality",
            ),
        ],
    },
    {
        "slug": "software-engineering-interview-questions",
        "career": "software-engineer",
        "title": "Software Engineering Interview Questions",
        "description": (
            "Data structures, complexity, design and collaboration questions from software "
            "engineer interviews."
        ),
        "cards": [
            (
                "What does Big-O notation tell you?",
                "How the running time or memory of an algorithm grows as the input grows, "
                "ignoring constants. O(n log n) sorting beats O(n²) on large inputs, even if "
                "it is slower on tiny ones.",
                BEGINNER,
                "algorithms",
            ),
            (
                "Array or linked list: when would you pick each?",
                "An **array** gives O(1) access by index and is cache-friendly, but inserting "
                "in the middle is O(n). A **linked list** inserts and removes in O(1) at a "
                "known node but needs O(n) to find it. Arrays win in practice most of the time.",
                BEGINNER,
                "data structures",
            ),
            (
                "How does a hash map work?",
                "A hash function turns the key into a bucket index; lookups go straight to "
                "that bucket. Collisions are handled by chaining or probing, and the table "
                "grows as it fills, keeping average operations O(1).",
                BEGINNER,
                "data structures",
            ),
            (
                "What is the difference between a process and a thread?",
                "A **process** has its own memory space; a **thread** runs inside a process "
                "and shares its memory with other threads. Threads are cheaper to create and "
                "communicate through shared memory, which is why they need locks.",
                MIDDLE,
                "systems",
            ),
            (
                "How would you design a URL shortener?",
                "An API that stores a long URL under a short key (a base-62 ID from a counter, "
                "or a hash) in a key-value store, and redirects on lookup. Reads dominate, so "
                "add a cache, then think about analytics, expiry and abuse.",
                MIDDLE,
                "system design",
            ),
            (
                "What makes a good code review?",
                "Small changes, a clear description, and comments about correctness, design "
                "and readability rather than personal taste. Ask questions instead of issuing "
                "orders, and let automated tools handle formatting.",
                BEGINNER,
                "collaboration",
            ),
            (
                "Unit, integration and end-to-end tests: how do they differ?",
                "**Unit** tests check one piece in isolation and are fast. **Integration** "
                "tests check pieces working together (the code and its database). "
                "**End-to-end** tests drive the whole system as a user would; they are the "
                "slowest, so keep them few.",
                BEGINNER,
                "testing",
            ),
            (
                "Explain the CAP theorem.",
                "When a network partition splits a distributed store, it must choose between "
                "**consistency** (every read sees the latest write) and **availability** "
                "(every request gets an answer). Without a partition you can have both; the "
                "real trade-off is often latency against consistency.",
                ADVANCED,
                "distributed systems",
            ),
        ],
    },
    {
        "slug": "cloud-architecture-interview-questions",
        "career": "cloud-architect",
        "title": "Cloud Architecture Interview Questions",
        "description": (
            "Designing for availability, security and cost on the public cloud: the "
            "questions cloud architect interviews are made of."
        ),
        "cards": [
            (
                "What is the difference between high availability and disaster recovery?",
                "**High availability** keeps a service running through small failures, for "
                "instance by spreading it across availability zones. **Disaster recovery** "
                "restores it after a large failure such as a lost region, within an agreed "
                "recovery time and data-loss limit.",
                BEGINNER,
                "resilience",
            ),
            (
                "What do RTO and RPO mean?",
                "**RTO** (recovery time objective): how long the service may be down. **RPO** "
                "(recovery point objective): how much data, in time, you may lose. Together "
                "they decide between backups, warm standby and active-active.",
                BEGINNER,
                "resilience",
            ),
            (
                "Explain the shared responsibility model.",
                "The provider secures the cloud itself: data centres, hardware, the "
                "virtualisation layer. The customer secures what runs in it: identities, "
                "data, network rules and configuration. The split moves towards the provider "
                "as you go from virtual machines to managed services.",
                BEGINNER,
                "security",
            ),
            (
                "How do you design least-privilege access?",
                "Start from no permissions and grant only what each role needs, scoped to "
                "specific resources. Use roles and short-lived credentials instead of "
                "long-lived keys, separate accounts per environment, and review unused "
                "permissions regularly.",
                MIDDLE,
                "security, iam",
            ),
            (
                "How would you cut a cloud bill by 30%?",
                "Find the spend first (tags, cost reports). Then rightsize oversized "
                "instances, switch off idle resources, buy reserved or savings-plan capacity "
                "for steady load, use spot capacity for interruptible work, and move cold "
                "data to cheaper storage tiers.",
                MIDDLE,
                "cost",
            ),
            (
                "When would you choose serverless functions over containers?",
                "Serverless suits spiky, event-driven work with short runs: no servers to "
                "manage and you pay per call. Containers suit steady traffic, long-running "
                "processes, special runtimes or tight control over latency.",
                MIDDLE,
                "compute",
            ),
            (
                "How do you design a multi-region architecture?",
                "Decide active-passive or active-active from the RTO and RPO, replicate data "
                "(and accept the consistency trade-offs), route users with DNS or a global "
                "load balancer, keep infrastructure as code so regions stay identical, and "
                "rehearse failover.",
                ADVANCED,
                "resilience",
            ),
            (
                "Why use infrastructure as code?",
                "Environments become repeatable, reviewable and versioned: changes go through "
                "pull requests, drift is detectable, and a region or environment can be "
                "rebuilt from scratch (Terraform, CloudFormation, Bicep).",
                BEGINNER,
                "automation",
            ),
        ],
    },
    {
        "slug": "devops-interview-questions",
        "career": "devops-engineer",
        "title": "DevOps Interview Questions",
        "description": (
            "Continuous delivery, containers, Kubernetes, monitoring and incidents: "
            "questions DevOps engineer interviews rely on."
        ),
        "cards": [
            (
                "What is the difference between continuous delivery and continuous deployment?",
                "With **continuous delivery** every change that passes the pipeline *could* "
                "be released, and a person presses the button. With **continuous deployment** "
                "it is released automatically, with no manual step.",
                BEGINNER,
                "ci/cd",
            ),
            (
                "How is a container different from a virtual machine?",
                "A **virtual machine** runs a whole guest operating system on virtual "
                "hardware. A **container** shares the host's kernel and isolates processes "
                "with namespaces and cgroups, so it starts in seconds and uses far less memory.",
                BEGINNER,
                "containers",
            ),
            (
                "What does a Kubernetes Deployment do?",
                "It declares how many replicas of a pod should run and which image they use. "
                "The controller keeps that many running, replaces failed pods, and rolls out "
                "new versions gradually with the option to roll back.",
                MIDDLE,
                "kubernetes",
            ),
            (
                "Blue-green or canary: how do the release strategies differ?",
                "**Blue-green** runs the new version beside the old and switches all traffic "
                "at once, with an instant switch back. **Canary** sends a small share of "
                "traffic to the new version first and widens it while the metrics stay healthy.",
                MIDDLE,
                "releases",
            ),
            (
                "What are SLIs, SLOs and error budgets?",
                "An **SLI** measures service health (say, the share of requests under 300 ms). "
                "An **SLO** is the target for it (99.9% over 30 days). The **error budget** is "
                "the remaining 0.1%: while it lasts, ship; when it runs out, focus on "
                "reliability.",
                MIDDLE,
                "sre",
            ),
            (
                "What are the three pillars of observability?",
                "**Metrics** (numbers over time, for dashboards and alerts), **logs** "
                "(detailed events) and **traces** (one request followed across services). "
                "Together they tell you that something is wrong, where, and why.",
                BEGINNER,
                "monitoring",
            ),
            (
                "How do you run a good incident postmortem?",
                "Keep it blameless: establish the timeline, the impact and the contributing "
                "causes, not who to blame. End with a few concrete actions, each with an owner "
                "and a date, and share what was learned.",
                MIDDLE,
                "incidents",
            ),
            (
                "How do you keep secrets out of a Git repository?",
                "Store them in a secrets manager or vault and inject them at deploy or run "
                "time, never in code or images. Add secret scanning to the pipeline, and if "
                "one leaks, rotate it: deleting the commit is not enough.",
                ADVANCED,
                "security",
            ),
        ],
    },
]


def decks_load_demo() -> Counter[str]:
    """Create the demo decks that are missing; counts of "created" and "skipped" decks.

    A deck is skipped when its slug is taken or its career already has a deck, and
    when its career does not exist (load the careers first). Existing decks and their
    cards are never changed.
    """
    result: Counter[str] = Counter()
    careers = {
        career.slug: career
        for career in Career.objects.filter(slug__in=[spec["career"] for spec in DECKS])
    }
    taken_slugs = set(Deck.objects.values_list("slug", flat=True))
    taken_careers = set(Deck.objects.values_list("career_id", flat=True))
    with transaction.atomic():
        for spec in DECKS:
            career = careers.get(spec["career"])
            if career is None or spec["slug"] in taken_slugs or career.pk in taken_careers:
                result["skipped"] += 1
                continue
            deck = Deck(
                career=career,
                title=spec["title"],
                slug=spec["slug"],
                description=spec["description"],
                status=Publishable.Status.PUBLISHED,
            )
            deck.full_clean()
            deck.save()
            for position, (question, answer, difficulty, tags) in enumerate(spec["cards"], start=1):
                card = Card(
                    deck=deck,
                    position=position,
                    question=question,
                    answer=answer,
                    difficulty=difficulty,
                    tags=tags,
                )
                card.full_clean()
                card.save()
                result["cards"] += 1
            result["created"] += 1
        cards_search_index(cards=Card.objects.filter(deck__slug__in=[s["slug"] for s in DECKS]))
    return result
