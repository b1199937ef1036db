"""The real content folder: it loads, and every required fact reaches the learner."""

import re
from pathlib import Path

import pytest

from courses.content import load_course

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "000_ada67e2f11ff5d4a.txt"


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT / "content")


@pytest.fixture(scope="module")
def chapter(course):
    return course.chapter("networking-security")


def text_of(chapter) -> str:
    """All the chapter's rendered prose as plain text."""
    parts = [p.html for s in chapter.sections for p in s.body if p.html]
    parts += [s.takeaway_html for s in chapter.sections]
    steps = [step.caption for d in chapter.diagrams for step in d.steps]
    text = re.sub(r"<[^>]+>", "", " ".join(parts + steps))
    return " ".join(text.replace("&lt;", "<").replace("&gt;", ">").split())


def test_chapter_8_has_four_sections_in_order(chapter):
    assert chapter.number == 8
    assert chapter.title == "Networking and Security for AI Workloads"
    assert [s.title for s in chapter.sections] == [
        "High-Performance Networking for Distributed Training",
        "Network Policies and Isolation",
        "Security Best Practices",
        "Data Security and Compliance",
    ]
    assert 5 <= len(chapter.objectives) <= 7
    assert all(s.takeaway_html.strip() for s in chapter.sections)


def test_infiniband_speeds_are_corrected_everywhere(chapter):
    text = text_of(chapter) + " ".join(t.definition_html for t in chapter.terms)
    assert "200 Gb/s for HDR, 400 Gb/s for NDR and 800 Gb/s for XDR" in text
    for wrong in ("400 Gbps (HDR)", "800 Gbps (NDR)", "400 Gb/s (HDR)", "800 Gb/s (NDR)"):
        assert wrong not in text
    assert "200 Gb/s (HDR), 400 Gb/s (NDR) or 800 Gb/s (XDR)" in " ".join(
        " ".join(t.definition_html.split()) for t in chapter.terms
    )


@pytest.mark.parametrize(
    "fact",
    [
        "256 GPUs",
        "rdma/ib",
        "nvidia-peermem",
        "DOCA-OFED",
        "90–95%",
        "40–60%",
        "SR-IOV CNI",
        "SR-IOV device plugin",
        "SR-IOV Network Operator",
        "Multus",
        "RoCEv2",
        "iWARP",
        "2–5 µs",
        "5–10 µs",
        "p50",
        "p95",
        "p99",
        "STRICT",
        "35%",
        "cluster-admin",
        "Privileged",
        "Baseline",
        "Restricted",
        "warn",
        "audit",
        "enforce",
        "nvidia.com/gpu=true:NoSchedule",
        "toleration",
        "20–30 GB",
        "Trivy",
        "Grype",
        "Snyk Container",
        "Kyverno",
        "Gatekeeper",
        "/proc/<pid>/environ",
        "0400",
        "External Secrets Operator",
        "Vault Agent Injector",
        "AWS Secrets Manager",
        "Azure Key Vault",
        "aescbc",
        "aesgcm",
        "CMEK",
        "LUKS",
        "IPsec",
        "RequestResponse",
        "MLflow",
        "DVC",
        "Kubeflow Pipelines",
        "SOC 2 Type II",
        "HIPAA",
        "GDPR",
        "FedRAMP",
        "NIST AI RMF",
        "FIPS 140-2",
        "Falco",
        "/etc/shadow",
        "immutable",
        "50–100",
        "8 hops",
        "4 hops",
        "UDP :53",
    ],
)
def test_seed_fact_reaches_the_learner(chapter, fact):
    assert fact in text_of(chapter)


def test_tables_have_every_seed_row(chapter):
    html = " ".join(p.html for s in chapter.sections for p in s.body)
    for row in [
        "InfiniBand HDR",
        "InfiniBand NDR",
        "RoCEv2",
        "iWARP",
        "Data scientist",
        "ML engineer",
        "Training job SA",
        "Platform admin",
        "SOC 2 Type II",
        "HIPAA",
        "GDPR",
        "FedRAMP",
        "NIST AI RMF",
    ]:
        assert re.search(rf"<td[^>]*>{re.escape(row)}</td>", html), row


def test_glossary_has_the_ten_seed_terms_and_those_the_chapter_relies_on(chapter):
    names = [t.term for t in chapter.terms]
    assert sorted(names, key=str.casefold) == names
    assert set(names) == {
        "RDMA",
        "InfiniBand",
        "GPUDirect RDMA",
        "SR-IOV",
        "Multus CNI",
        "NetworkPolicy",
        "mTLS",
        "RBAC",
        "Pod Security Standards",
        "Admission Controller",  # the seed's ten
        "AllReduce",
        "NCCL",
        "Service mesh",
        "Istio",
        "Pod Security Admission",
        "Taint",
        "Toleration",
        "Falco",
        "RoCE",
        "iWARP",
        "NVIDIA Network Operator",
        "CNI plugin",
        "Default-deny policy",
        "Sidecar proxy",
        "Service account",
        "Kyverno",
        "OPA/Gatekeeper",
        "Defense in depth",
        "etcd",
        "Envelope encryption",
        "Audit log",
        "Data lineage",
        "FIPS 140-2",
        "PHI",
    }


def test_every_question_has_four_choices_an_answer_and_reasons(chapter):
    assert len(chapter.questions) == 12
    for q in chapter.questions:
        assert len(q.choices) == 4
        assert q.answer in {c.id for c in q.choices}
        assert q.explanation_html
        assert all(bool(c.why_wrong_html) == (c.id != q.answer) for c in q.choices)
        assert chapter.section(q.section_id) is not None
    assert {a.kind for a in chapter.assessments} == {"pre", "post"}


@pytest.mark.skipif(not SEED.exists(), reason="seed file not beside the repository")
def test_questions_and_options_match_the_seed_exactly(chapter):
    seed = SEED.read_text()
    for q in chapter.questions:
        assert q.prompt in seed
        for c in q.choices:
            assert f"\n{c.text}\n" in seed, c.text


def test_answer_key_follows_the_chapter(chapter):
    key = {q.id: q.answer for q in chapter.questions}
    assert key == {
        "rdma-advantage": "b",
        "gpudirect-removes": "b",
        "multus-role": "b",
        "first-network-policy": "c",
        "istio-strict": "c",
        "cluster-admin-risk": "b",
        "pss-inference-profile": "c",
        "secrets-delivery": "c",
        "sr-iov-provides": "b",
        "hipaa-controls": "b",
        "training-egress": "b",
        "gpu-node-taint": "b",
    }


def test_skill_guide_is_complete(course):
    guide = course.guide("k8s-gpu-security")
    assert guide.title == "Container and Kubernetes security for GPU workloads and model serving"
    assert [f.value for f in guide.figures] == ["1", "1", "9.2", "15%"]
    assert [lvl.level for lvl in guide.learning_path] == ["beginner", "intermediate", "advanced"]
    assert all(len(lvl.steps) == 3 for lvl in guide.learning_path)
    assert [p.level for p in guide.projects] == ["beginner", "intermediate", "advanced"]
    assert all(len(p.steps) == 4 for p in guide.projects)
    assert [len(g.tools) for g in guide.tool_groups] == [3, 3, 3, 3]
    assert len(guide.interview_questions) == 2
    assert "cryptomining" in guide.why_html


def test_diagrams_are_placed_in_their_sections(chapter):
    placed = {s.id: [p.diagram.id for p in s.body if p.diagram] for s in chapter.sections}
    assert placed["hpc-networking"] == ["rdma-vs-tcp"]
    assert placed["network-policies"] == ["network-policy"]
    assert placed["security-practices"] == ["defense-in-depth"]
