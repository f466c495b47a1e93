"""The demo content: seven complete 2026 guides with their careers, as plain data.

Every dict below uses the model's own field names, so the loader can pass it
straight to the model. Facts and figures for the Machine Learning Engineer
guide come from the reference page the project started from; all prose is
our own.

Salary ranges are editors' estimates for the demo and are labelled as such;
job-outlook figures are BLS projections for 2023–2033. Where BLS has no
occupation of that name, the outlook text and the source say which occupation
stands in for it.
"""

import datetime

EDITION_YEAR = 2026

# --- Sources --------------------------------------------------------------------------

BLS_OOH = "https://www.bls.gov/ooh/"
BLS_DATA_SCIENTISTS = "https://www.bls.gov/ooh/math/data-scientists.htm"
BLS_SOFTWARE_DEVELOPERS = (
    "https://www.bls.gov/ooh/computer-and-information-technology/software-developers.htm"
)
BLS_RESEARCH_SCIENTISTS = (
    "https://www.bls.gov/ooh/computer-and-information-technology/"
    "computer-and-information-research-scientists.htm"
)
BLS_DATABASE_ARCHITECTS = (
    "https://www.bls.gov/ooh/computer-and-information-technology/database-administrators.htm"
)
BLS_NETWORK_ARCHITECTS = (
    "https://www.bls.gov/ooh/computer-and-information-technology/computer-network-architects.htm"
)

# BLS published its 2023–2033 employment projections on 29 August 2024.
BLS_PROJECTIONS_AS_OF = datetime.date(2024, 8, 29)
MUCH_FASTER = "much faster than average"

SALARY_ESTIMATE_SOURCE = "Editors' estimate (demo data)"
SALARY_ESTIMATE_AS_OF = datetime.date(2026, 1, 15)
SALARY_ESTIMATE_NOTE = "US base salary before bonus and equity; the source link has BLS pay data."

# --- Categories -----------------------------------------------------------------------

CATEGORIES = [
    {"slug": "data-ai", "name": "Data & AI", "position": 1},
    {"slug": "software-cloud", "name": "Software & Cloud", "position": 2},
]

# --- Certifications (shared between guides, matched by name) --------------------------

CERTIFICATIONS = [
    {
        "name": "AWS Certified Machine Learning – Specialty",
        "provider": "AWS",
        "cost": 300,
        "duration_min": 3,
        "duration_max": 4,
        "url": "https://aws.amazon.com/certification/certified-machine-learning-specialty/",
    },
    {
        "name": "Google Professional ML Engineer",
        "provider": "Google Cloud",
        "cost": 200,
        "duration_min": 3,
        "duration_max": 4,
        "url": "https://cloud.google.com/learn/certification/machine-learning-engineer",
    },
    {
        "name": "DeepLearning.AI TensorFlow Developer",
        "provider": "Coursera",
        "cost": 49,
        "cost_billing": "month",
        "duration_min": 3,
        "url": "https://www.coursera.org/professional-certificates/tensorflow-in-practice",
    },
    {
        "name": "IBM Data Science Professional Certificate",
        "provider": "Coursera",
        "cost": 49,
        "cost_billing": "month",
        "duration_min": 4,
        "duration_max": 5,
        "url": "https://www.coursera.org/professional-certificates/ibm-data-science",
    },
    {
        "name": "Microsoft Certified: Azure Data Scientist Associate",
        "provider": "Microsoft",
        "cost": 165,
        "duration_min": 2,
        "duration_max": 3,
        "url": "https://learn.microsoft.com/en-us/credentials/certifications/azure-data-scientist/",
    },
    {
        "name": "Google Advanced Data Analytics Professional Certificate",
        "provider": "Coursera",
        "cost": 49,
        "cost_billing": "month",
        "duration_min": 6,
        "url": "https://www.coursera.org/professional-certificates/google-advanced-data-analytics",
    },
    {
        "name": "Microsoft Certified: Azure AI Engineer Associate",
        "provider": "Microsoft",
        "cost": 165,
        "duration_min": 2,
        "duration_max": 3,
        "url": "https://learn.microsoft.com/en-us/credentials/certifications/azure-ai-engineer/",
    },
    {
        "name": "AWS Certified Machine Learning Engineer – Associate",
        "provider": "AWS",
        "cost": 150,
        "duration_min": 2,
        "duration_max": 3,
        "url": "https://aws.amazon.com/certification/certified-machine-learning-engineer-associate/",
    },
    {
        "name": "Google Professional Data Engineer",
        "provider": "Google Cloud",
        "cost": 200,
        "duration_min": 2,
        "duration_max": 3,
        "url": "https://cloud.google.com/learn/certification/data-engineer",
    },
    {
        "name": "AWS Certified Data Engineer – Associate",
        "provider": "AWS",
        "cost": 150,
        "duration_min": 2,
        "duration_max": 3,
        "url": "https://aws.amazon.com/certification/certified-data-engineer-associate/",
    },
    {
        "name": "Databricks Certified Data Engineer Associate",
        "provider": "Databricks",
        "cost": 200,
        "duration_min": 1,
        "duration_max": 2,
        "url": "https://www.databricks.com/learn/certification/data-engineer-associate",
    },
    {
        "name": "AWS Certified Developer – Associate",
        "provider": "AWS",
        "cost": 150,
        "duration_min": 2,
        "duration_max": 3,
        "url": "https://aws.amazon.com/certification/certified-developer-associate/",
    },
    {
        "name": "Microsoft Certified: Azure Developer Associate",
        "provider": "Microsoft",
        "cost": 165,
        "duration_min": 2,
        "duration_max": 3,
        "url": "https://learn.microsoft.com/en-us/credentials/certifications/azure-developer/",
    },
    {
        "name": "Certified Kubernetes Application Developer (CKAD)",
        "provider": "The Linux Foundation",
        "cost": 445,
        "duration_min": 1,
        "duration_max": 2,
        "url": (
            "https://training.linuxfoundation.org/certification/"
            "certified-kubernetes-application-developer-ckad/"
        ),
    },
    {
        "name": "AWS Certified Solutions Architect – Professional",
        "provider": "AWS",
        "cost": 300,
        "duration_min": 3,
        "duration_max": 4,
        "url": "https://aws.amazon.com/certification/certified-solutions-architect-professional/",
    },
    {
        "name": "Google Professional Cloud Architect",
        "provider": "Google Cloud",
        "cost": 200,
        "duration_min": 2,
        "duration_max": 3,
        "url": "https://cloud.google.com/learn/certification/cloud-architect",
    },
    {
        "name": "Microsoft Certified: Azure Solutions Architect Expert",
        "provider": "Microsoft",
        "cost": 165,
        "duration_min": 2,
        "duration_max": 3,
        "url": "https://learn.microsoft.com/en-us/credentials/certifications/azure-solutions-architect/",
    },
    {
        "name": "Certified Kubernetes Administrator (CKA)",
        "provider": "The Linux Foundation",
        "cost": 445,
        "duration_min": 2,
        "duration_max": 3,
        "url": (
            "https://training.linuxfoundation.org/certification/"
            "certified-kubernetes-administrator-cka/"
        ),
    },
    {
        "name": "AWS Certified DevOps Engineer – Professional",
        "provider": "AWS",
        "cost": 300,
        "duration_min": 3,
        "duration_max": 4,
        "url": "https://aws.amazon.com/certification/certified-devops-engineer-professional/",
    },
    {
        "name": "Microsoft Certified: DevOps Engineer Expert",
        "provider": "Microsoft",
        "cost": 165,
        "duration_min": 2,
        "duration_max": 3,
        "url": "https://learn.microsoft.com/en-us/credentials/certifications/devops-engineer/",
    },
]


# --- Careers --------------------------------------------------------------------------


def _salary_levels(compare_url: str, entry: tuple, mid: tuple, senior: tuple, labels=None):
    """Three rows of a salary breakdown, each labelled as the editors' estimate it is."""
    labels = labels or ("Entry level (0–2 years)", "Mid level (3–5 years)", "Senior (6+ years)")
    return [
        {
            "label": label,
            "low": low,
            "high": high,
            "source_name": SALARY_ESTIMATE_SOURCE,
            "source_url": compare_url,
            "as_of": SALARY_ESTIMATE_AS_OF,
            "note": SALARY_ESTIMATE_NOTE,
        }
        for label, (low, high) in zip(labels, (entry, mid, senior), strict=True)
    ]


CAREERS = [
    {
        "slug": "machine-learning-engineer",
        "name": "Machine Learning Engineer",
        "category": "data-ai",
        "description": "Builds, ships and runs machine learning models inside production software.",
        "salary_low": 150_000,
        "salary_high": 230_000,
        "salary_source_name": SALARY_ESTIMATE_SOURCE,
        "salary_source_url": BLS_DATA_SCIENTISTS,
        "salary_as_of": SALARY_ESTIMATE_AS_OF,
        "outlook_growth_percent": 36,
        "outlook_horizon_year": 2033,
        "outlook_label": MUCH_FASTER,
        "outlook_text": (
            "BLS does not count machine learning engineers separately; the projection shown "
            "is its figure for data scientists, the closest occupation it tracks. Hiring stays "
            "strong as companies keep modernizing their software and data stacks. Entry-level "
            "roles have been harder to land since 2023: a strong portfolio and applications "
            "aimed at specific teams now count for more than volume."
        ),
        "outlook_source_name": "BLS",
        "outlook_source_url": BLS_OOH,
        "outlook_as_of": BLS_PROJECTIONS_AS_OF,
        "salary_figures": _salary_levels(
            BLS_DATA_SCIENTISTS,
            entry=(120_000, 160_000),
            mid=(150_000, 230_000),
            senior=(210_000, 320_000),
        ),
    },
    {
        "slug": "data-scientist",
        "name": "Data Scientist",
        "category": "data-ai",
        "description": (
            "Turns data into decisions with statistics, experiments and predictive models."
        ),
        "salary_low": 120_000,
        "salary_high": 175_000,
        "salary_source_name": SALARY_ESTIMATE_SOURCE,
        "salary_source_url": BLS_DATA_SCIENTISTS,
        "salary_as_of": SALARY_ESTIMATE_AS_OF,
        "outlook_growth_percent": 36,
        "outlook_horizon_year": 2033,
        "outlook_label": MUCH_FASTER,
        "outlook_text": (
            "Data scientists are among the fastest-growing occupations BLS tracks. The demand "
            "comes from companies that want decisions backed by experiments and models rather "
            "than instinct. Junior openings draw many applicants, so strong SQL, sound "
            "statistics and a clear portfolio are what set a candidate apart."
        ),
        "outlook_source_name": "BLS",
        "outlook_source_url": BLS_DATA_SCIENTISTS,
        "outlook_as_of": BLS_PROJECTIONS_AS_OF,
        "salary_figures": _salary_levels(
            BLS_DATA_SCIENTISTS,
            entry=(95_000, 125_000),
            mid=(120_000, 175_000),
            senior=(165_000, 230_000),
        ),
    },
    {
        "slug": "ai-engineer",
        "name": "AI Engineer",
        "category": "data-ai",
        "description": (
            "Builds products on top of large language models and other foundation models."
        ),
        "salary_low": 160_000,
        "salary_high": 250_000,
        "salary_source_name": SALARY_ESTIMATE_SOURCE,
        "salary_source_url": BLS_RESEARCH_SCIENTISTS,
        "salary_as_of": SALARY_ESTIMATE_AS_OF,
        "outlook_growth_percent": 26,
        "outlook_horizon_year": 2033,
        "outlook_label": MUCH_FASTER,
        "outlook_text": (
            "BLS has no category for AI engineers. The projection shown is for computer and "
            "information research scientists, the occupation it tracks that is closest to AI "
            "work; software developers, where many AI engineers are counted, are projected to "
            "grow 17%. Employers are hiring quickly for people who can ship reliable LLM "
            "features, but the title means different things at different companies, so read "
            "the job description, not the title."
        ),
        "outlook_source_name": "BLS figure for computer and information research scientists",
        "outlook_source_url": BLS_RESEARCH_SCIENTISTS,
        "outlook_as_of": BLS_PROJECTIONS_AS_OF,
        "salary_figures": _salary_levels(
            BLS_RESEARCH_SCIENTISTS,
            entry=(130_000, 170_000),
            mid=(160_000, 250_000),
            senior=(230_000, 350_000),
        ),
    },
    {
        "slug": "data-engineer",
        "name": "Data Engineer",
        "category": "data-ai",
        "description": (
            "Builds the pipelines and platforms that move, clean and store an organization's data."
        ),
        "salary_low": 130_000,
        "salary_high": 180_000,
        "salary_source_name": SALARY_ESTIMATE_SOURCE,
        "salary_source_url": BLS_DATABASE_ARCHITECTS,
        "salary_as_of": SALARY_ESTIMATE_AS_OF,
        "outlook_growth_percent": 9,
        "outlook_horizon_year": 2033,
        "outlook_label": MUCH_FASTER,
        "outlook_text": (
            "BLS does not count data engineers separately; the projection shown is for "
            "database administrators and architects, the closest occupation it tracks. Demand "
            "follows analytics and AI, since every dashboard and model needs reliable data "
            "underneath it. Employers increasingly expect cloud warehouse and dbt experience "
            "even for junior roles."
        ),
        "outlook_source_name": "BLS figure for database administrators and architects",
        "outlook_source_url": BLS_DATABASE_ARCHITECTS,
        "outlook_as_of": BLS_PROJECTIONS_AS_OF,
        "salary_figures": _salary_levels(
            BLS_DATABASE_ARCHITECTS,
            entry=(100_000, 135_000),
            mid=(130_000, 180_000),
            senior=(170_000, 230_000),
        ),
    },
    {
        "slug": "software-engineer",
        "name": "Software Engineer",
        "category": "software-cloud",
        "description": "Designs, writes, tests and maintains the software that products run on.",
        "salary_low": 110_000,
        "salary_high": 180_000,
        "salary_source_name": SALARY_ESTIMATE_SOURCE,
        "salary_source_url": BLS_SOFTWARE_DEVELOPERS,
        "salary_as_of": SALARY_ESTIMATE_AS_OF,
        "outlook_growth_percent": 17,
        "outlook_horizon_year": 2033,
        "outlook_label": MUCH_FASTER,
        "outlook_text": (
            "BLS projects 17% growth for software developers, quality assurance analysts and "
            "testers, about 327,900 more jobs over the decade. Demand is strongest for engineers "
            "who work comfortably across the stack and with cloud services. Junior roles have "
            "been more competitive since 2023, so deployed projects that show real work matter "
            "more than certificates."
        ),
        "outlook_source_name": "BLS",
        "outlook_source_url": BLS_SOFTWARE_DEVELOPERS,
        "outlook_as_of": BLS_PROJECTIONS_AS_OF,
        "salary_figures": _salary_levels(
            BLS_SOFTWARE_DEVELOPERS,
            entry=(85_000, 120_000),
            mid=(110_000, 180_000),
            senior=(160_000, 240_000),
        ),
    },
    {
        "slug": "cloud-architect",
        "name": "Cloud Architect",
        "category": "software-cloud",
        "description": (
            "Designs how an organization's systems run in the cloud, balancing cost, "
            "security, scale and reliability."
        ),
        "salary_low": 160_000,
        "salary_high": 220_000,
        "salary_source_name": SALARY_ESTIMATE_SOURCE,
        "salary_source_url": BLS_NETWORK_ARCHITECTS,
        "salary_as_of": SALARY_ESTIMATE_AS_OF,
        "outlook_growth_percent": 13,
        "outlook_horizon_year": 2033,
        "outlook_label": MUCH_FASTER,
        "outlook_text": (
            "BLS does not count cloud architects separately; the projection shown is for "
            "computer network architects, whose BLS description covers cloud infrastructure. "
            "Demand comes from companies still moving systems out of their own data centers, "
            "and from the cost and security work that follows once they have. Most openings "
            "ask for five or more years of hands-on experience."
        ),
        "outlook_source_name": "BLS figure for computer network architects",
        "outlook_source_url": BLS_NETWORK_ARCHITECTS,
        "outlook_as_of": BLS_PROJECTIONS_AS_OF,
        "salary_figures": _salary_levels(
            BLS_NETWORK_ARCHITECTS,
            entry=(140_000, 170_000),
            mid=(160_000, 220_000),
            senior=(200_000, 280_000),
            labels=(
                "First architect role (5–8 years in tech)",
                "Cloud architect (8–12 years)",
                "Principal or lead architect (12+ years)",
            ),
        ),
    },
    {
        "slug": "devops-engineer",
        "name": "DevOps Engineer",
        "category": "software-cloud",
        "description": (
            "Automates how software is built, tested and deployed, and keeps it healthy "
            "in production."
        ),
        "salary_low": 130_000,
        "salary_high": 185_000,
        "salary_source_name": SALARY_ESTIMATE_SOURCE,
        "salary_source_url": BLS_SOFTWARE_DEVELOPERS,
        "salary_as_of": SALARY_ESTIMATE_AS_OF,
        "outlook_growth_percent": 17,
        "outlook_horizon_year": 2033,
        "outlook_label": MUCH_FASTER,
        "outlook_text": (
            "BLS has no DevOps category. The projection shown is for software developers, "
            "quality assurance analysts and testers, the group closest to DevOps work. "
            "Companies keep investing in automation and cloud platforms, and engineers who "
            "have run Kubernetes in production are hard to find; junior DevOps roles are "
            "rarer, and most people move in from development or operations."
        ),
        "outlook_source_name": "BLS figure for software developers, QA analysts and testers",
        "outlook_source_url": BLS_SOFTWARE_DEVELOPERS,
        "outlook_as_of": BLS_PROJECTIONS_AS_OF,
        "salary_figures": _salary_levels(
            BLS_SOFTWARE_DEVELOPERS,
            entry=(100_000, 135_000),
            mid=(130_000, 185_000),
            senior=(170_000, 230_000),
        ),
    },
]

# --- Guides ---------------------------------------------------------------------------
# Steps and paths give durations in months unless they say otherwise.

MACHINE_LEARNING_ENGINEER = {
    "slug": "machine-learning-engineer",
    "career": "machine-learning-engineer",
    "title": "How to Become a Machine Learning Engineer",
    "meta_description": (
        "Become a machine learning engineer in 2026: a 7-step roadmap, the skills to learn, "
        "paths, certifications and a $150K–$230K median salary."
    ),
    "intro": (
        "Machine learning engineers put models to work inside real software. They train and "
        "evaluate models, but most of the job is the engineering around them: data pipelines, "
        "serving, monitoring, and knowing when a simpler model will do. It is a role where "
        "engineering skill, product judgment and steady learning all count. This guide lays "
        "out what to learn and in what order: engineering basics first, then theory, "
        "projects for your portfolio, certifications and, last, the job search."
    ),
    "prerequisite_note": (
        "Treat this as a software job first. Before step 2 you should write solid Python, "
        "use Git every day, write tests, and understand how systems fit together. A year or "
        "more as a working software engineer is the best preparation. Each step relies on "
        "the one before it, so take them in order."
    ),
    "steps": [
        {
            "title": "Build software engineering foundations",
            "duration_label": "Prereq",
            "description": (
                "ML engineering is software engineering with models in it. Get fluent in "
                "Python, Git, automated testing and the basics of how systems are designed "
                "and run. If you can, spend at least a year in a general software role first."
            ),
        },
        {
            "title": "Study classical ML theory",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Cover linear and logistic regression, decision trees, gradient boosting, "
                "regularization and cross-validation until you can say when each one fails. "
                "Andrew Ng's [Machine Learning Specialization]"
                "(https://www.coursera.org/specializations/machine-learning-introduction) and "
                "Aurélien Géron's *Hands-On Machine Learning* are the standard pair."
            ),
        },
        {
            "title": "Deep learning and frameworks",
            "duration_min": 3,
            "duration_max": 4,
            "description": (
                "Learn PyTorch, the framework most production teams use. Work through CNNs, "
                "RNNs and transformers, and build and train one model yourself from scratch, "
                "without pretrained weights, so you know what the library does for you. The "
                "[Fast.ai](https://course.fast.ai/) course is a quick route to practical depth."
            ),
        },
        {
            "title": "LLMs and modern AI",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Learn prompt engineering, retrieval-augmented generation (RAG), fine-tuning "
                "with LoRA, and how to evaluate and deploy LLM systems. Then build one "
                "application end to end: a RAG system that answers questions over a set of "
                "private documents makes a strong portfolio project."
            ),
        },
        {
            "title": "MLOps and productionization",
            "duration_min": 3,
            "duration_max": 4,
            "description": (
                "This stage is what sets ML engineers apart from data scientists. Package "
                "models with Docker and run them on Kubernetes, use a feature store, track "
                "versions in a model registry such as MLflow, serve predictions online with "
                "Triton or BentoML, and monitor models once they are live."
            ),
        },
        {
            "title": "Specialize in one area",
            "duration_min": 3,
            "duration_max": 4,
            "description": (
                "Choose one domain (NLP, computer vision, time series or recommendations) "
                "and go deep. Senior roles reward real depth in one area over a light grasp "
                "of all of them. Open-source contributions in your chosen area are worth the "
                "effort if you can make them."
            ),
        },
        {
            "title": "Interview preparation",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Interview loops usually cover ML theory, coding at LeetCode medium level, "
                "ML system design and, at some companies, a take-home project. ML system "
                "design is a different exercise from a general software design round; the "
                "book *Machine Learning System Design Interview* is the usual preparation."
            ),
        },
    ],
    "technical_skills": [
        "Python (expert)",
        "PyTorch or TensorFlow",
        "ML theory (classical + deep)",
        "LLMs, RAG, fine-tuning",
        "Docker + Kubernetes",
        "MLflow, Weights & Biases",
        "Feature stores",
        "SQL + cloud data",
    ],
    "soft_skills": [
        "Scientific communication",
        "Experimentation rigor",
        "Cross-functional collaboration",
        "Production reliability mindset",
    ],
    "paths": [
        {
            "name": "SWE → MLE transition",
            "duration_min": 12,
            "duration_max": 18,
            "cost_min": 200,
            "cost_max": 1_000,
            "is_typical": True,
        },
        {
            "name": "DS → MLE transition",
            "duration_min": 9,
            "duration_max": 12,
            "cost_min": 200,
            "cost_max": 1_000,
        },
        {
            "name": "MS in ML / CS",
            "duration_min": 24,
            "cost_min": 40_000,
            "cost_max": 100_000,
        },
    ],
    "certifications": [
        "AWS Certified Machine Learning – Specialty",
        "Google Professional ML Engineer",
        "DeepLearning.AI TensorFlow Developer",
    ],
    "faqs": [
        {
            "question": "MLE or DS — which pays more?",
            "answer": (
                "Machine learning engineers, usually by 20–30%. Employers pay for the "
                "engineering depth: fewer people have it, and it is tied more directly to "
                "systems that earn money in production."
            ),
        },
        {
            "question": "Do I need a PhD?",
            "answer": (
                "Not for most ML engineering jobs. Research scientist roles often ask for "
                "one; applied ML engineering roles generally do not."
            ),
        },
        {
            "question": "Which framework, PyTorch or TensorFlow?",
            "answer": (
                "Start with PyTorch. It dominates research and is steadily taking over "
                "production work too. TensorFlow is still strong for deploying to mobile "
                "devices, so pick it up later if you need that."
            ),
        },
        {
            "question": "How much math?",
            "answer": (
                "Enough to follow research papers and to work out why a model misbehaves. "
                "Practice deriving backpropagation for a small network by hand, and learn the "
                "math behind attention. Graduate-level theory is not needed."
            ),
        },
        {
            "question": "Is LLM work killing classical ML?",
            "answer": (
                "No. For most business problems, classical ML is still the quicker and "
                "cheaper answer. LLMs are a powerful addition to the toolbox, not a replacement "
                "for it."
            ),
        },
    ],
    "related": [
        "data-scientist",
        "ai-engineer",
        "data-engineer",
        "software-engineer",
        "cloud-architect",
        "devops-engineer",
    ],
}

DATA_SCIENTIST = {
    "slug": "data-scientist",
    "career": "data-scientist",
    "title": "How to Become a Data Scientist",
    "meta_description": (
        "Become a data scientist in 2026: a 6-step roadmap through statistics, SQL, ML and "
        "experiments, with certifications and a $120K–$175K median salary."
    ),
    "intro": (
        "Data scientists use data to answer business questions and to predict what happens "
        "next. A typical week mixes writing SQL, cleaning data, building and checking models, "
        "designing A/B tests and explaining the results to the people who will act on them. "
        "The role rewards statistical judgment as much as coding skill."
    ),
    "prerequisite_note": (
        "Comfort with high-school algebra and a little programming helps, but you can start "
        "without either. If you already work with spreadsheets or SQL as an analyst, you "
        "are ahead of most beginners."
    ),
    "steps": [
        {
            "title": "Learn statistics and probability",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Distributions, sampling, confidence intervals, hypothesis tests and "
                "regression, plus enough linear algebra to follow how models work. "
                "*Practical Statistics for Data Scientists* by Bruce, Bruce and Gedeck "
                "covers what the job uses."
            ),
        },
        {
            "title": "Get fluent in Python and SQL",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Use pandas and NumPy in Jupyter notebooks for analysis, and write SQL with "
                "joins, aggregations, window functions and CTEs. Most interview screens "
                "start with SQL, so practice it daily."
            ),
        },
        {
            "title": "Learn machine learning",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Regression and classification with scikit-learn, tree models and gradient "
                "boosting (XGBoost, LightGBM), cross-validation and choosing the right "
                "metric. [*An Introduction to Statistical Learning*]"
                "(https://www.statlearning.com/) is free online and has a Python edition."
            ),
        },
        {
            "title": "Experimentation and causal inference",
            "duration_min": 1,
            "duration_max": 2,
            "description": (
                "Design A/B tests, estimate sample sizes, and learn the common ways "
                "experiments mislead. *Trustworthy Online Controlled Experiments* by Kohavi, "
                "Tang and Xu is the practitioner's reference."
            ),
        },
        {
            "title": "Build a portfolio",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Finish two or three projects on real, messy data that answer a question "
                "someone would pay to have answered. Write each one up: the question, the "
                "method, what you found and what you would do next."
            ),
        },
        {
            "title": "Interview preparation",
            "duration_min": 1,
            "duration_max": 2,
            "description": (
                "Expect SQL exercises, statistics and probability questions, product case "
                'studies ("how would you measure this feature?"), ML concepts and often a '
                "take-home analysis. Practice explaining results aloud to a non-technical "
                "listener."
            ),
        },
    ],
    "technical_skills": [
        "Python (pandas, NumPy)",
        "SQL (window functions, CTEs)",
        "Statistics and probability",
        "scikit-learn and gradient boosting",
        "A/B testing and causal inference",
        "Data visualization",
        "Jupyter and Git",
        "Cloud data warehouses",
    ],
    "soft_skills": [
        "Framing business problems",
        "Data storytelling",
        "Stakeholder management",
        "Healthy skepticism",
    ],
    "paths": [
        {
            "name": "Analyst → DS transition",
            "duration_min": 12,
            "duration_max": 18,
            "cost_min": 200,
            "cost_max": 1_000,
            "is_typical": True,
        },
        {
            "name": "Career change from another STEM field",
            "duration_min": 18,
            "duration_max": 24,
            "cost_min": 500,
            "cost_max": 2_000,
        },
        {
            "name": "MS in Data Science",
            "duration_min": 12,
            "duration_max": 24,
            "cost_min": 30_000,
            "cost_max": 80_000,
        },
    ],
    "certifications": [
        "IBM Data Science Professional Certificate",
        "Microsoft Certified: Azure Data Scientist Associate",
        "Google Advanced Data Analytics Professional Certificate",
    ],
    "faqs": [
        {
            "question": "Do I need a master's degree?",
            "answer": (
                "It helps but is not required. Many data scientists move up from analyst "
                "roles, and strong SQL, statistics and a portfolio can stand in for a degree. "
                "Research-heavy teams are the main exception."
            ),
        },
        {
            "question": "Python or R?",
            "answer": (
                "Python, for most industry jobs. R is still common in biostatistics and "
                "academia. Knowing one language well is worth more than knowing both "
                "halfway."
            ),
        },
        {
            "question": "How is a data scientist different from a data analyst?",
            "answer": (
                "Analysts mostly describe what happened; data scientists also build models, "
                "make predictions and design experiments. The overlap is large and titles "
                "vary between companies, so read the job description."
            ),
        },
        {
            "question": "Will AI tools replace data scientists?",
            "answer": (
                "They already write much of the routine code. Choosing the right question, "
                "designing a sound experiment and judging whether a result is real still "
                "take a person, and BLS projects 36% growth for the occupation through 2033."
            ),
        },
        {
            "question": "How much math do I need?",
            "answer": (
                "Statistics matters most. Linear algebra and a little calculus help you "
                "understand how models behave, but you will not be writing proofs."
            ),
        },
    ],
    "related": ["machine-learning-engineer", "data-engineer", "ai-engineer", "software-engineer"],
}

AI_ENGINEER = {
    "slug": "ai-engineer",
    "career": "ai-engineer",
    "title": "How to Become an AI Engineer",
    "meta_description": (
        "Become an AI engineer in 2026: a 6-step roadmap to building LLM products, from APIs "
        "and RAG to evaluation, with a $160K–$250K median salary."
    ),
    "intro": (
        "AI engineers build products on top of large language models and other foundation "
        "models. Instead of training models from scratch, they connect them to a company's "
        "data and tools, design prompts and retrieval, measure the quality of what comes "
        "out, and keep cost and latency under control. It is a software engineering job "
        "first, with a new and fast-moving set of parts."
    ),
    "prerequisite_note": (
        "Start as a capable software engineer who can build and deploy a web service, write "
        "tests and work with third-party APIs. Some machine learning "
        "background helps, but you can pick it up along the way."
    ),
    "steps": [
        {
            "title": "Strengthen your software engineering",
            "duration_label": "Prereq",
            "description": (
                "Python or TypeScript, HTTP APIs, asynchronous code, testing and deploying "
                "to a cloud platform. Most of an AI product is ordinary software, and it "
                "has to be good software."
            ),
        },
        {
            "title": "Learn how LLMs work",
            "duration_min": 1,
            "duration_max": 2,
            "description": (
                "Tokens, embeddings, transformers, context windows, sampling settings and "
                "what drives cost. Andrej Karpathy's [Neural Networks: Zero to Hero]"
                "(https://karpathy.ai/zero-to-hero.html) videos build a model from first "
                "principles."
            ),
        },
        {
            "title": "Build with model APIs",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Call hosted models and open-weight ones from Hugging Face. Learn prompt "
                "design, structured output, tool (function) calling and streaming, and "
                "handle timeouts, rate limits and retries properly."
            ),
        },
        {
            "title": "Retrieval and agents",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Build RAG systems: chunking, embeddings, vector search (pgvector or a "
                "dedicated vector database), hybrid search and reranking. Then add agents "
                "that plan and call tools. Frameworks such as LangChain or LlamaIndex help, "
                "but learn to build the core loop without them."
            ),
        },
        {
            "title": "Evaluation, safety and operations",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Build evaluation sets, use model-graded checks with care, and run them as "
                "regression tests when prompts or models change. Guard against prompt "
                "injection, trace requests, and watch latency and cost per request. "
                "Fine-tuning with LoRA is worth learning once evaluations show you need it."
            ),
        },
        {
            "title": "Ship a portfolio and interview",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Ship two applications that real people use, and publish their evaluation "
                "results alongside the code. Interviews combine coding, system design for "
                "LLM applications and, often, a take-home build."
            ),
        },
    ],
    "technical_skills": [
        "Python or TypeScript",
        "LLM APIs and tool calling",
        "Prompt design",
        "RAG and vector search",
        "Embeddings and reranking",
        "LLM evaluation and testing",
        "Fine-tuning with LoRA",
        "Cloud deployment and observability",
    ],
    "soft_skills": [
        "Product sense",
        "Clear writing",
        "Comfort with ambiguity",
        "Judgment about cost and risk",
    ],
    "paths": [
        {
            "name": "SWE → AI engineer transition",
            "duration_min": 12,
            "duration_max": 18,
            "cost_min": 200,
            "cost_max": 1_000,
            "is_typical": True,
        },
        {
            "name": "MLE or DS → AI engineer transition",
            "duration_min": 6,
            "duration_max": 9,
            "cost_min": 200,
            "cost_max": 500,
        },
        {
            "name": "MS in AI / CS",
            "duration_min": 24,
            "cost_min": 40_000,
            "cost_max": 100_000,
        },
    ],
    "certifications": [
        "Microsoft Certified: Azure AI Engineer Associate",
        "AWS Certified Machine Learning Engineer – Associate",
        "Google Professional ML Engineer",
    ],
    "faqs": [
        {
            "question": "What is the difference between an AI engineer and an ML engineer?",
            "answer": (
                "AI engineers mostly build products on top of existing foundation models; "
                "ML engineers train, tune and serve models themselves. The two roles overlap "
                "more every year, and many teams use the titles loosely."
            ),
        },
        {
            "question": "Do I need to train models myself?",
            "answer": (
                "Rarely at first. Most work uses hosted or open-weight models as they are, "
                "with fine-tuning now and then. Knowing how training works still helps when "
                "you debug odd behavior."
            ),
        },
        {
            "question": "Which programming language should I use?",
            "answer": (
                "Python has the best tooling for models and evaluation; TypeScript is common "
                "in product teams. Know one of them well and be able to read the other."
            ),
        },
        {
            "question": "Is AI engineering just a passing trend?",
            "answer": (
                "The title may change, but building dependable software on top of models "
                "will not go away. Evaluation, retrieval and operations skills carry over "
                "whatever the role ends up being called."
            ),
        },
        {
            "question": "How do I show experience without an AI job?",
            "answer": (
                "Ship small applications with real users, publish how you evaluated them, "
                "and contribute to open-source LLM tooling. Hiring managers weigh shipped "
                "work heavily for such a new role."
            ),
        },
    ],
    "related": [
        "machine-learning-engineer",
        "software-engineer",
        "data-scientist",
        "data-engineer",
    ],
}

DATA_ENGINEER = {
    "slug": "data-engineer",
    "career": "data-engineer",
    "title": "How to Become a Data Engineer",
    "meta_description": (
        "Become a data engineer in 2026: a 6-step roadmap through SQL, dbt, Spark, Airflow "
        "and streaming, with certifications and a $130K–$180K median salary."
    ),
    "intro": (
        "Data engineers build the plumbing that every analyst, dashboard and model depends "
        "on. They move data out of applications and third-party tools, clean and model it, "
        "and make sure it arrives on time and correct. The work is closer to backend "
        "engineering than to analysis, and good data engineers are judged by how rarely "
        "anyone has to think about their pipelines."
    ),
    "prerequisite_note": (
        "You should already write basic Python and SQL and be at ease on the command line. "
        "Analysts who live in SQL and backend developers who have worked with databases are "
        "the two most common starting points."
    ),
    "steps": [
        {
            "title": "Master SQL and data modeling",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Go well past SELECT: window functions, CTEs, query plans and indexes. Learn "
                "dimensional modeling (facts, dimensions, slowly changing dimensions) from "
                "Kimball's *The Data Warehouse Toolkit*, still the standard text."
            ),
        },
        {
            "title": "Programming for data",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Write production-quality Python: packages, tests, type hints and logging. "
                "Learn to pull from APIs with pagination and retries, and to process files "
                "too large to fit in memory."
            ),
        },
        {
            "title": "Warehouses, lakes and transformation",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Learn one cloud warehouse well (Snowflake, BigQuery or Redshift) and the "
                "open table formats behind lakehouses, Delta Lake and Apache Iceberg. Use "
                "[dbt](https://www.getdbt.com/) to build tested, documented transformations "
                "instead of stored procedures nobody can read."
            ),
        },
        {
            "title": "Orchestration and batch processing",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Schedule and monitor pipelines with Apache Airflow or Dagster. Use Apache "
                "Spark for data too large for one machine, and design incremental, "
                "idempotent jobs so a rerun never double-counts."
            ),
        },
        {
            "title": "Streaming, quality and operations",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Add Apache Kafka for event streams, automated data-quality checks (dbt "
                "tests, Great Expectations), lineage and alerting. Enough Terraform and "
                "Docker to provision your own infrastructure makes you self-sufficient."
            ),
        },
        {
            "title": "Build a portfolio and interview",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Build one project end to end: ingest a public API, model it in a warehouse "
                "with dbt, orchestrate it, and put a dashboard on top. Interviews test SQL, "
                "data modeling, a pipeline design question and Python coding."
            ),
        },
    ],
    "technical_skills": [
        "Advanced SQL",
        "Python",
        "Data modeling",
        "dbt",
        "Apache Airflow or Dagster",
        "Apache Spark",
        "Snowflake, BigQuery or Redshift",
        "Apache Kafka",
        "Terraform + Docker",
    ],
    "soft_skills": [
        "Ownership of data quality",
        "Clear documentation",
        "Working with analysts and data scientists",
        "Calm incident handling",
    ],
    "paths": [
        {
            "name": "Analyst or SWE → DE transition",
            "duration_min": 12,
            "duration_max": 18,
            "cost_min": 200,
            "cost_max": 1_500,
            "is_typical": True,
        },
        {
            "name": "Data engineering bootcamp",
            "duration_min": 6,
            "duration_max": 9,
            "cost_min": 8_000,
            "cost_max": 15_000,
        },
        {
            "name": "BS in CS / Information Systems",
            "duration_min": 4,
            "duration_unit": "years",
            "cost_min": 40_000,
            "cost_max": 160_000,
        },
    ],
    "certifications": [
        "Google Professional Data Engineer",
        "AWS Certified Data Engineer – Associate",
        "Databricks Certified Data Engineer Associate",
    ],
    "faqs": [
        {
            "question": "Data engineer or data scientist — which should I choose?",
            "answer": (
                "Choose data engineering if you enjoy building systems and care about "
                "reliability; choose data science if you prefer questions, statistics and "
                "experiments. The two teams work side by side and people move between them."
            ),
        },
        {
            "question": "Do I need to know Spark?",
            "answer": (
                "For large batch workloads, yes, and many job ads list it. But plenty of "
                "companies now run most transformations as SQL inside a cloud warehouse, so "
                "learn SQL and dbt first and Spark second."
            ),
        },
        {
            "question": "Is a degree required?",
            "answer": (
                "No. Employers look for SQL depth and a pipeline you can explain end to end. "
                "A computer science degree helps you get the first interview more than it "
                "helps with the work itself."
            ),
        },
        {
            "question": "Which cloud should I learn?",
            "answer": (
                "The one the companies you want to join use. The core ideas (object "
                "storage, a warehouse, access control, managed orchestration) carry over "
                "between AWS, Google Cloud and Azure."
            ),
        },
        {
            "question": "Will AI tools replace data engineers?",
            "answer": (
                "They already draft boilerplate SQL and pipeline code. They do not agree data "
                "contracts with other teams, repair a broken backfill at 2 a.m. or decide how "
                "a business should model its revenue, and that is most of the job."
            ),
        },
    ],
    "related": [
        "data-scientist",
        "machine-learning-engineer",
        "software-engineer",
        "cloud-architect",
    ],
}

SOFTWARE_ENGINEER = {
    "slug": "software-engineer",
    "career": "software-engineer",
    "title": "How to Become a Software Engineer",
    "meta_description": (
        "Become a software engineer in 2026: a 6-step roadmap from first program to job "
        "offer, with paths, certifications and a $110K–$180K median salary."
    ),
    "intro": (
        "Software engineers design, build, test and maintain the programs that products and "
        "companies run on. Day to day that means reading more code than writing it, turning "
        "vague requests into small, safe changes, and keeping systems working as they grow. "
        "It is still the broadest way into tech, and the base that most other roles on this "
        "site build on."
    ),
    "prerequisite_note": (
        "You need no prior experience, but you do need steady weekly time: most people who "
        "succeed put in 10–20 hours a week for a year or more. A laptop and an internet "
        "connection are enough to begin."
    ),
    "steps": [
        {
            "title": "Learn to program",
            "duration_min": 3,
            "duration_max": 4,
            "description": (
                "Pick one language and stay with it; Python and JavaScript are the usual "
                "first choices. Harvard's free [CS50](https://cs50.harvard.edu/x/) is a "
                "demanding, well-taught start. Aim to write small programs without a "
                "tutorial open."
            ),
        },
        {
            "title": "Learn the tools of the trade",
            "duration_min": 1,
            "duration_max": 2,
            "description": (
                "Git and GitHub, the command line, a debugger, and automated tests. Using "
                "these every day matters more than learning a second language."
            ),
        },
        {
            "title": "Data structures and algorithms",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Arrays, hash maps, trees, graphs, sorting and Big-O analysis. You need them "
                "to pass interviews, and to notice when code will not scale."
            ),
        },
        {
            "title": "Build real applications",
            "duration_min": 3,
            "duration_max": 4,
            "description": (
                "Build and deploy a complete application with a database, an API and a "
                "front end, using a framework such as Django, Express or Spring. Host it "
                "where other people can use it."
            ),
        },
        {
            "title": "Systems and collaboration",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Learn how the web works (HTTP, DNS), relational databases, Docker and a "
                "cloud provider's basics. Contribute to an open-source project to practice "
                "code review and working in someone else's codebase."
            ),
        },
        {
            "title": "Job search and interviews",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Expect coding rounds at LeetCode easy-to-medium level, a behavioral "
                "interview and, for mid-level roles, system design. Apply with a one-page "
                "résumé that links to deployed projects."
            ),
        },
    ],
    "technical_skills": [
        "One language in depth (Python, JavaScript, Java or Go)",
        "Data structures and algorithms",
        "Git and code review",
        "Automated testing",
        "SQL and relational databases",
        "HTTP and REST APIs",
        "A web framework",
        "Docker",
        "Cloud basics (AWS, Azure or GCP)",
    ],
    "soft_skills": [
        "Breaking down problems",
        "Written communication",
        "Taking code review well",
        "Estimating and prioritizing",
    ],
    "paths": [
        {
            "name": "Self-taught with online courses",
            "duration_min": 12,
            "duration_max": 24,
            "cost_min": 0,
            "cost_max": 1_000,
            "is_typical": True,
        },
        {
            "name": "Coding bootcamp",
            "duration_min": 6,
            "duration_max": 12,
            "cost_min": 10_000,
            "cost_max": 20_000,
        },
        {
            "name": "BS in Computer Science",
            "duration_min": 4,
            "duration_unit": "years",
            "cost_min": 40_000,
            "cost_max": 160_000,
        },
    ],
    "certifications": [
        "AWS Certified Developer – Associate",
        "Microsoft Certified: Azure Developer Associate",
        "Certified Kubernetes Application Developer (CKAD)",
    ],
    "faqs": [
        {
            "question": "Do I need a computer science degree?",
            "answer": (
                "It helps, especially at large companies that screen résumés strictly, but "
                "it is not required. Many working engineers are self-taught or came through "
                "bootcamps; what got them hired was code they could show and explain."
            ),
        },
        {
            "question": "Which language should I learn first?",
            "answer": (
                "Python or JavaScript. Both are forgiving, widely used and have large "
                "communities of learners. Your second language will take a fraction of the "
                "time."
            ),
        },
        {
            "question": "Is the entry-level market still hard?",
            "answer": (
                "Yes, it has been tighter since 2023. Deployed projects, open-source "
                "contributions and internships help you stand out; hundreds of identical "
                "applications do not."
            ),
        },
        {
            "question": "Will AI coding assistants replace software engineers?",
            "answer": (
                "They make engineers faster at routine code. Deciding what to build, "
                "reviewing generated code and keeping systems correct and secure still take "
                "people, and BLS projects 17% growth for the occupation through 2033."
            ),
        },
        {
            "question": "How long until I'm ready for a job?",
            "answer": (
                "Most career changers need 12–24 months of steady part-time study. A "
                "full-time bootcamp finishes sooner, but the job search afterwards often "
                "takes several more months."
            ),
        },
    ],
    "related": [
        "devops-engineer",
        "cloud-architect",
        "data-engineer",
        "ai-engineer",
        "machine-learning-engineer",
    ],
}

CLOUD_ARCHITECT = {
    "slug": "cloud-architect",
    "career": "cloud-architect",
    "title": "How to Become a Cloud Architect",
    "meta_description": (
        "Become a cloud architect: a 7-step roadmap from networking to design at scale, "
        "with AWS, Azure and Google certifications and a $160K–$220K median salary."
    ),
    "intro": (
        "Cloud architects decide how an organization's systems should run on AWS, Azure or "
        "Google Cloud: which services to use, how they connect, how they stay secure and "
        "what they cost. They spend less time building than engineers do and more time "
        "designing, reviewing and explaining trade-offs. It is rarely a first job; most "
        "architects arrive after years of hands-on infrastructure or software work."
    ),
    "prerequisite_note": (
        "This is a senior role. You should have several years in software engineering, "
        "systems administration or networking, and be able to build and debug a small "
        "system on one cloud provider yourself."
    ),
    "steps": [
        {
            "title": "Learn networking and Linux",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "TCP/IP, subnets and CIDR, DNS, load balancing, TLS and everyday Linux "
                "administration. Many cloud design problems are networking problems "
                "underneath."
            ),
        },
        {
            "title": "Get hands-on with one cloud",
            "duration_min": 3,
            "duration_max": 4,
            "description": (
                "Pick AWS, Azure or Google Cloud and build with its core services: compute, "
                "storage, managed databases, identity and access management, and virtual "
                "networks. An associate-level certification gives the study a structure."
            ),
        },
        {
            "title": "Infrastructure as code",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Define everything in Terraform (or CloudFormation, Bicep or Pulumi) and "
                "deploy it through a CI/CD pipeline. If you cannot recreate it from code, "
                "do not click it together in a console."
            ),
        },
        {
            "title": "Containers and platforms",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Docker and Kubernetes, the managed versions (EKS, AKS, GKE), and serverless "
                "options such as AWS Lambda. Learn when each is the right choice and when it "
                "is more machinery than the problem needs."
            ),
        },
        {
            "title": "Security, reliability and cost",
            "duration_min": 3,
            "duration_max": 4,
            "description": (
                "Least-privilege access, encryption, network segmentation, backups and "
                "disaster recovery, observability, and cost control (FinOps). Study the "
                "[AWS Well-Architected Framework]"
                "(https://aws.amazon.com/architecture/well-architected/); "
                "Azure and Google publish their own versions."
            ),
        },
        {
            "title": "Design systems at scale",
            "duration_min": 6,
            "duration_max": 12,
            "description": (
                "Take on real design work in your job: write architecture decision records, "
                "lead design reviews, plan migrations out of on-premises data centers, and "
                "work through multi-region and hybrid setups."
            ),
        },
        {
            "title": "Professional certification and interviews",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "A professional-level certification signals depth. Architect interviews "
                "center on whiteboard design, trade-off questions and stories about systems "
                "you designed, including what went wrong."
            ),
        },
    ],
    "technical_skills": [
        "One major cloud in depth (AWS, Azure or GCP)",
        "Networking (VPCs, DNS, load balancing)",
        "Terraform / infrastructure as code",
        "Kubernetes and containers",
        "Identity and access management",
        "Security and compliance",
        "Cost management (FinOps)",
        "High availability and disaster recovery",
        "Observability",
    ],
    "soft_skills": [
        "Explaining trade-offs to non-engineers",
        "Writing design documents",
        "Negotiating with stakeholders",
        "Mentoring engineers",
        "Systems thinking",
    ],
    "paths": [
        {
            "name": "SWE or sysadmin → cloud architect",
            "duration_min": 3,
            "duration_max": 5,
            "duration_unit": "years",
            "cost_min": 500,
            "cost_max": 2_000,
            "is_typical": True,
        },
        {
            "name": "Cloud or DevOps engineer → cloud architect",
            "duration_min": 18,
            "duration_max": 24,
            "cost_min": 300,
            "cost_max": 1_000,
        },
        {
            "name": "Network engineer → cloud architect",
            "duration_min": 2,
            "duration_max": 4,
            "duration_unit": "years",
            "cost_min": 500,
            "cost_max": 2_000,
        },
    ],
    "certifications": [
        "AWS Certified Solutions Architect – Professional",
        "Google Professional Cloud Architect",
        "Microsoft Certified: Azure Solutions Architect Expert",
    ],
    "faqs": [
        {
            "question": "Can I become a cloud architect without experience?",
            "answer": (
                "Not directly. Companies hire architects to make decisions that are "
                "expensive to undo, so they look for years of hands-on work. Start as a "
                "cloud, DevOps or software engineer and grow into design work."
            ),
        },
        {
            "question": "Which cloud provider should I learn?",
            "answer": (
                "AWS has the largest market share and the most job ads; Azure is strong in "
                "enterprises that already run Microsoft software; Google Cloud is popular "
                "for data and AI work. Learn one deeply and the concepts will carry over."
            ),
        },
        {
            "question": "Are certifications worth it?",
            "answer": (
                "For this role more than most. They are a common screening filter, and the "
                "professional-level exams test the design trade-offs you will be asked "
                "about. They do not replace experience."
            ),
        },
        {
            "question": "How is a cloud architect different from a cloud engineer?",
            "answer": (
                "Engineers build and run the infrastructure; architects decide what it "
                "should look like and why. In smaller companies one person often does both."
            ),
        },
    ],
    "related": ["devops-engineer", "software-engineer", "data-engineer"],
}

DEVOPS_ENGINEER = {
    "slug": "devops-engineer",
    "career": "devops-engineer",
    "title": "How to Become a DevOps Engineer",
    "meta_description": (
        "Become a DevOps engineer in 2026: a 6-step roadmap through Linux, CI/CD, "
        "Kubernetes, Terraform and observability, with a $130K–$185K median salary."
    ),
    "intro": (
        "DevOps engineers shorten the distance between a developer's commit and working "
        "software in front of users. They build CI/CD pipelines, manage infrastructure as "
        "code, run containers and clusters, and set up the monitoring that tells a team when "
        "something breaks. The job sits between development and operations, and much of it "
        "is automating work people used to do by hand."
    ),
    "prerequisite_note": (
        "You should be comfortable on the Linux command line and able to write small "
        "scripts. Experience as a developer, system administrator or IT support engineer is "
        "the usual starting point."
    ),
    "steps": [
        {
            "title": "Linux, networking and scripting",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Processes, permissions, systemd, SSH, the basics of DNS, HTTP and TLS, and "
                "scripting in Bash and Python. William Shotts's [*The Linux Command Line*]"
                "(https://linuxcommand.org/tlcl.php) is free online and a good companion."
            ),
        },
        {
            "title": "Git and CI/CD",
            "duration_min": 1,
            "duration_max": 2,
            "description": (
                "Branching and pull requests, then pipelines in GitHub Actions, GitLab CI or "
                "Jenkins that build, test and deploy on every merge."
            ),
        },
        {
            "title": "Containers and Kubernetes",
            "duration_min": 3,
            "duration_max": 4,
            "description": (
                "Write small, secure Dockerfiles, then learn Kubernetes: deployments, "
                "services, ingress, configuration and secrets, and Helm charts. Running a "
                "small cluster of your own teaches more than any course."
            ),
        },
        {
            "title": "Cloud and infrastructure as code",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Learn one cloud provider's core services and manage them with Terraform. "
                "Add Ansible for configuration management wherever long-lived servers remain."
            ),
        },
        {
            "title": "Observability and reliability",
            "duration_min": 2,
            "duration_max": 3,
            "description": (
                "Metrics, logs and traces with Prometheus, Grafana and OpenTelemetry; alerts "
                "that wake people only for real problems; incident response and blameless "
                "postmortems. Google's free [*Site Reliability Engineering*]"
                "(https://sre.google/books/) book explains the ideas behind them."
            ),
        },
        {
            "title": "Portfolio and interviews",
            "duration_min": 1,
            "duration_max": 2,
            "description": (
                "Publish a repository that provisions infrastructure with Terraform, deploys "
                "an application to Kubernetes through a pipeline and monitors it. Interviews "
                "mix troubleshooting scenarios, system design and scripting exercises."
            ),
        },
    ],
    "technical_skills": [
        "Linux administration",
        "Bash and Python scripting",
        "CI/CD (GitHub Actions, GitLab CI, Jenkins)",
        "Docker",
        "Kubernetes and Helm",
        "Terraform",
        "Ansible",
        "One major cloud (AWS, Azure or GCP)",
        "Prometheus, Grafana, OpenTelemetry",
    ],
    "soft_skills": [
        "Collaboration across development and operations",
        "Calm under incident pressure",
        "Blameless problem-solving",
        "Automation-first habits",
    ],
    "paths": [
        {
            "name": "Sysadmin or IT ops → DevOps",
            "duration_min": 12,
            "duration_max": 18,
            "cost_min": 300,
            "cost_max": 1_500,
            "is_typical": True,
        },
        {
            "name": "Developer → DevOps",
            "duration_min": 6,
            "duration_max": 12,
            "cost_min": 300,
            "cost_max": 1_000,
        },
        {
            "name": "DevOps bootcamp",
            "duration_min": 6,
            "duration_max": 9,
            "cost_min": 5_000,
            "cost_max": 15_000,
        },
    ],
    "certifications": [
        "Certified Kubernetes Administrator (CKA)",
        "AWS Certified DevOps Engineer – Professional",
        "Microsoft Certified: DevOps Engineer Expert",
    ],
    "faqs": [
        {
            "question": "Is DevOps a job title or a way of working?",
            "answer": (
                "Both. It began as a culture in which developers and operations share "
                "responsibility for running software, and companies now hire for it as a "
                "role. Ads for DevOps, platform and site reliability engineers often "
                "describe very similar work."
            ),
        },
        {
            "question": "Do I need to be a strong programmer?",
            "answer": (
                "You need to write clean scripts and read application code, and Python or "
                "Go helps for building tools. You do not need to be a product developer, "
                "but weak coding will limit how far you go."
            ),
        },
        {
            "question": "Which certification should I get first?",
            "answer": (
                "The CKA if the companies you want to join run Kubernetes, as many do; "
                "otherwise an associate-level cloud certification. Both cover hands-on "
                "skills that interviews check."
            ),
        },
        {
            "question": "What is the difference between DevOps and SRE?",
            "answer": (
                "Site reliability engineering is Google's take on the same idea, with more "
                "weight on measurable reliability targets (SLOs) and error budgets. The "
                "tools are almost the same."
            ),
        },
    ],
    "related": [
        "cloud-architect",
        "software-engineer",
        "data-engineer",
        "machine-learning-engineer",
    ],
}

GUIDES = [
    MACHINE_LEARNING_ENGINEER,
    DATA_SCIENTIST,
    AI_ENGINEER,
    DATA_ENGINEER,
    SOFTWARE_ENGINEER,
    CLOUD_ARCHITECT,
    DEVOPS_ENGINEER,
]
